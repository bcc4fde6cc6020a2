/**
 * The journal's SQLite connection, over the runtime's own SQLite (`node:sqlite`) where the
 * runtime has it, else over node-sqlite3-wasm (the WebAssembly build, for Node 20).
 *
 * Why two: node-sqlite3-wasm loads a WebAssembly SQLite with its own heap, about 24 MB of
 * resident memory for an open journal, where the runtime's SQLite (Electron's Node 22 and later)
 * is already in the process. Both write the same file format, so a journal opens under either.
 * `node:sqlite` is used only when it has everything the journal needs (`isTransaction`, Node
 * 22.16 and later); it is loaded at run time, so bundles and Node 20 never import it.
 */
import sqlite from 'node-sqlite3-wasm';

export type SqlValue = number | bigint | string | Uint8Array | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlDatabase {
  /** Which SQLite this is: the runtime's (`node`) or the WebAssembly build (`wasm`). */
  readonly engine: SqliteEngine;
  exec(sql: string): void;
  /** The first row, or null. */
  get(sql: string, values?: readonly SqlValue[]): SqlRow | null;
  all(sql: string, values?: readonly SqlValue[]): SqlRow[];
  run(sql: string, values?: readonly SqlValue[]): { changes: number };
  readonly inTransaction: boolean;
  close(): void;
}

export type SqliteEngine = 'node' | 'wasm';

/** The part of `node:sqlite` used here (its types are not in Node 20's). */
interface NodeStatement {
  get(...values: SqlValue[]): unknown;
  all(...values: SqlValue[]): unknown[];
  run(...values: SqlValue[]): { changes: number | bigint };
}
interface NodeDatabase {
  exec(sql: string): void;
  prepare(sql: string): NodeStatement;
  readonly isTransaction: boolean;
  close(): void;
}
interface NodeSqliteModule {
  DatabaseSync: new (path: string) => NodeDatabase;
}

/** Prepared statements kept per connection; the journal's distinct statements are far fewer. */
const STATEMENT_CACHE = 200;

let probed: { mod: NodeSqliteModule | undefined } | undefined;

/** `node:sqlite` when the runtime has it with `isTransaction`; probed once per process. */
function nodeSqlite(): NodeSqliteModule | undefined {
  if (probed) return probed.mod;
  let mod: NodeSqliteModule | undefined;
  try {
    // Node 20's getBuiltinModule answers undefined for a module the runtime does not have.
    mod = process.getBuiltinModule?.('node:sqlite') as NodeSqliteModule | undefined;
    if (mod) {
      const db = new mod.DatabaseSync(':memory:');
      if (typeof db.isTransaction !== 'boolean') mod = undefined;
      db.close();
    }
  } catch {
    mod = undefined;
  }
  probed = { mod };
  return mod;
}

/** The SQLite `openSqlDatabase` picks on this runtime when not told. */
export function defaultSqliteEngine(): SqliteEngine {
  return nodeSqlite() ? 'node' : 'wasm';
}

function openNode(mod: NodeSqliteModule, path: string): SqlDatabase {
  const db = new mod.DatabaseSync(path);
  const statements = new Map<string, NodeStatement>();
  const prepared = (sql: string): NodeStatement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    engine: 'node',
    exec: (sql) => db.exec(sql),
    get: (sql, values = []) => (prepared(sql).get(...values) as SqlRow | undefined) ?? null,
    all: (sql, values = []) => prepared(sql).all(...values) as SqlRow[],
    run: (sql, values = []) => ({ changes: Number(prepared(sql).run(...values).changes) }),
    get inTransaction() {
      return db.isTransaction;
    },
    close: () => {
      statements.clear();
      db.close();
    },
  };
}

function openWasm(path: string): SqlDatabase {
  const db = new sqlite.Database(path);
  return {
    engine: 'wasm',
    exec: (sql) => db.exec(sql),
    get: (sql, values = []) => db.get(sql, [...values]) as SqlRow | null,
    all: (sql, values = []) => db.all(sql, [...values]) as SqlRow[],
    run: (sql, values = []) => ({ changes: db.run(sql, [...values]).changes }),
    get inTransaction() {
      return db.inTransaction;
    },
    close: () => db.close(),
  };
}

/**
 * Opens (creating if needed) the database at `path` with `engine`, by default the runtime's
 * SQLite where usable (see the header). Asking for `node` where it is missing throws.
 */
export function openSqlDatabase(path: string, engine: SqliteEngine = defaultSqliteEngine()): SqlDatabase {
  if (engine === 'wasm') return openWasm(path);
  const mod = nodeSqlite();
  if (!mod) throw new Error('This runtime has no usable node:sqlite (Node 22.16 or later).');
  return openNode(mod, path);
}

/**
 * The durable queue: every state change is committed before the caller goes on, so what the
 * engine acknowledged survives the app crashing or being killed (the crash test SIGKILLs it).
 * Synchronous by nature (node-sqlite3-wasm); callers keep batches small and yield between them.
 *
 * Two levels of durability, because an fsync blocks the main thread (100 ms and more while a
 * download's gigabyte is being written back) and progress commits come by the dozen per file:
 * - Durable (fsync'd, survives an OS crash or power cut): what the user asked for (enqueued
 *   items, pause/resume/cancel/retry/move, clearing) and the marks written just before a side
 *   effect the engine cannot undo (`createAttempted` before an upload's create, `finalPath`
 *   before a download's rename), which is what makes recovery safe.
 * - Committed (WAL with synchronous=NORMAL): progress (slices and segments done, hash and
 *   folder caches, other item fields). An OS crash can roll the last moments of it back, never
 *   corrupt the file; the engine then redoes that work: slices are sent again, segments fetched
 *   again, and an upload whose completion was lost finds its file in the listing.
 */
import sqlite from 'node-sqlite3-wasm';
import type { SQLiteValue } from 'node-sqlite3-wasm';
import type { TransferDirection, TransferKind, TransferPageQuery, TransferState } from '@pandesk/contract';
import { claimJournal } from './ownership';
import { migrate } from './schema';
import { COLUMNS, columnOf, fromRow, toSql } from './records';
import type { ItemPatch, JournalItem } from './records';

export type NewItem = Omit<JournalItem, 'seq'>;

export interface StateCount {
  direction: TransferDirection;
  state: TransferState;
  count: number;
  size: number;
  bytesDone: number;
}

export interface Journal {
  /** Inserts items in one transaction; items whose dedupKey already exists are ignored. */
  insertItems(items: readonly NewItem[]): number;
  hasBatch(batchId: string): boolean;
  get(id: string): JournalItem | undefined;
  update(id: string, patch: ItemPatch): void;
  /** Queued items of one direction and kind, highest priority first, then oldest. */
  nextQueued(
    direction: TransferDirection,
    kind: TransferKind,
    limit: number,
    exclude: ReadonlySet<string>,
  ): JournalItem[];
  byStates(states: readonly TransferState[], limit?: number): JournalItem[];
  /** Direct children of a folder item. */
  children(parentItemId: string): JournalItem[];
  page(query: TransferPageQuery): { total: number; items: JournalItem[] };
  counts(): StateCount[];
  maxPriority(): number;
  deleteByStates(states: readonly TransferState[]): string[];
  /**
   * Applies `patch` to items in `fromStates` (all of them, or only `ids` and their descendant
   * items) in one transaction; returns the ids changed.
   */
  transition(ids: readonly string[] | null, fromStates: readonly TransferState[], patch: ItemPatch): string[];
  addPart(itemId: string, partNo: number): void;
  parts(itemId: string): Set<number>;
  clearParts(itemId: string): void;
  cachedHash(path: string, size: number, mtimeMs: number): string | undefined;
  cacheHash(path: string, size: number, mtimeMs: number, md5: string): void;
  cachedFolder(batchId: string, parentId: number, name: string): number | undefined;
  cacheFolder(batchId: string, parentId: number, name: string, folderId: number): void;
  transaction<T>(fn: () => T): T;
  close(): void;
}

const ROWS_PER_INSERT = 500;
/** Item fields written just before a side effect the engine cannot undo (see the header). */
const DURABLE_FIELDS: ReadonlySet<keyof ItemPatch> = new Set<keyof ItemPatch>([
  'createAttempted',
  'finalPath',
]);
const INSERT_SQL = `INSERT OR IGNORE INTO items (${COLUMNS.map((c) => c[1]).join(', ')})
  SELECT ${COLUMNS.map((_, n) => `value ->> ${n}`).join(', ')} FROM json_each(?)`;

function openDatabase(path: string): InstanceType<typeof sqlite.Database> {
  const db = new sqlite.Database(path);
  try {
    // One process owns the journal: exclusive locking keeps SQLite from re-reading the file on
    // every statement, and lets WAL run without shared memory. NORMAL: see the header.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

export function createJournal(path: string): Journal {
  const release = claimJournal(path);
  let db: InstanceType<typeof sqlite.Database>;
  try {
    db = openDatabase(path);
  } catch (error) {
    release();
    throw error;
  }
  let seq = Number((db.get('SELECT COALESCE(MAX(seq), 0) AS s FROM items') as { s: number }).s);
  const rows = (sql: string, values: SQLiteValue[] = []): JournalItem[] =>
    db.all(sql, values).map((r) => fromRow(r as Record<string, SQLiteValue>));

  const transaction = <T>(fn: () => T): T => {
    if (db.inTransaction) return fn();
    db.exec('BEGIN');
    try {
      const out = fn();
      db.exec('COMMIT');
      return out;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };
  /** A transaction whose commit is fsync'd (synchronous=FULL is read at commit time). */
  const durably = <T>(fn: () => T): T => {
    if (db.inTransaction) return fn();
    db.exec('PRAGMA synchronous = FULL');
    try {
      return transaction(fn);
    } finally {
      db.exec('PRAGMA synchronous = NORMAL');
    }
  };

  return {
    insertItems(items) {
      // Rows travel as one JSON parameter per chunk: binding ~27 parameters per row through
      // WebAssembly costs more than SQLite's own JSON parsing.
      return durably(() => {
        let inserted = 0;
        for (let i = 0; i < items.length; i += ROWS_PER_INSERT) {
          const rowsNow = items.slice(i, i + ROWS_PER_INSERT).map((item) => {
            const full: JournalItem = { ...item, seq: ++seq };
            return COLUMNS.map(([key]) => toSql(key, full[key]));
          });
          inserted += db.run(INSERT_SQL, [JSON.stringify(rowsNow)]).changes;
        }
        return inserted;
      });
    },
    hasBatch: (batchId) => db.get('SELECT 1 AS x FROM items WHERE batch_id = ? LIMIT 1', [batchId]) !== null,
    get: (id) => rows('SELECT * FROM items WHERE id = ?', [id])[0],
    update(id, patch) {
      const keys = Object.keys(patch) as (keyof ItemPatch)[];
      if (keys.length === 0) return;
      const sets = keys.map((k) => `${columnOf(k)} = ?`).join(', ');
      const write = (): void =>
        void db.run(`UPDATE items SET ${sets} WHERE id = ?`, [...keys.map((k) => toSql(k, patch[k])), id]);
      if (keys.some((k) => DURABLE_FIELDS.has(k))) durably(write);
      else write();
    },
    nextQueued(direction, kind, limit, exclude) {
      const ex = [...exclude];
      const notIn = ex.length > 0 ? `AND id NOT IN (${placeholders(ex.length)})` : '';
      return rows(
        `SELECT * FROM items WHERE direction = ? AND kind = ? AND state = 'queued' ${notIn} ORDER BY priority DESC, seq LIMIT ?`,
        [direction, kind, ...ex, limit],
      );
    },
    byStates: (states, limit = -1) =>
      rows(`SELECT * FROM items WHERE state IN (${placeholders(states.length)}) ORDER BY seq LIMIT ?`, [
        ...states,
        limit,
      ]),
    children: (parentItemId) =>
      rows('SELECT * FROM items WHERE parent_item_id = ? ORDER BY seq', [parentItemId]),
    page(query) {
      const where: string[] = [];
      const values: SQLiteValue[] = [];
      if (query.states && query.states.length > 0) {
        where.push(`state IN (${placeholders(query.states.length)})`);
        values.push(...query.states);
      }
      if (query.direction) {
        where.push('direction = ?');
        values.push(query.direction);
      }
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = Number(
        (db.get(`SELECT COALESCE(SUM(count), 0) AS n FROM item_counts ${clause}`, values) as { n: number }).n,
      );
      const limit = Math.max(0, Math.min(1000, Math.floor(query.limit)));
      const offset = Math.max(0, Math.floor(query.offset));
      // Views of finished items show the latest first; finished items always have finished_at.
      const order = query.order === 'recent' ? 'finished_at DESC, seq DESC' : 'priority DESC, seq';
      const items = rows(`SELECT * FROM items ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        ...values,
        limit,
        offset,
      ]);
      return { total, items };
    },
    counts: () =>
      db
        .all(
          `SELECT direction, state, SUM(count) AS count, SUM(CASE WHEN kind = 'file' THEN size ELSE 0 END) AS size,
                SUM(CASE WHEN kind = 'file' THEN bytes_done ELSE 0 END) AS done
              FROM item_counts WHERE count > 0 GROUP BY direction, state`,
        )
        .map((r) => ({
          direction: r.direction as TransferDirection,
          state: r.state as TransferState,
          count: Number(r.count),
          size: Number(r.size ?? 0),
          bytesDone: Number(r.done ?? 0),
        })),
    maxPriority: () =>
      Number((db.get('SELECT COALESCE(MAX(priority), 0) AS p FROM items') as { p: number }).p),
    deleteByStates(states) {
      return durably(() => {
        const ids = db
          .all(`SELECT id FROM items WHERE state IN (${placeholders(states.length)})`, [...states])
          .map((r) => String(r.id));
        db.run(
          `DELETE FROM parts WHERE item_id IN (SELECT id FROM items WHERE state IN (${placeholders(states.length)}))`,
          [...states],
        );
        db.run(`DELETE FROM items WHERE state IN (${placeholders(states.length)})`, [...states]);
        return ids;
      });
    },
    transition(ids, fromStates, patch) {
      return durably(() => {
        const states = placeholders(fromStates.length);
        let selected: string[];
        if (ids === null) {
          selected = db
            .all(`SELECT id FROM items WHERE state IN (${states})`, [...fromStates])
            .map((r) => String(r.id));
        } else if (ids.length === 0) {
          selected = [];
        } else {
          const tree = `WITH RECURSIVE tree(id) AS (SELECT id FROM items WHERE id IN (${placeholders(ids.length)})
            UNION SELECT items.id FROM items JOIN tree ON items.parent_item_id = tree.id)`;
          selected = db
            .all(
              `${tree} SELECT items.id FROM items JOIN tree ON items.id = tree.id WHERE state IN (${states})`,
              [...ids, ...fromStates],
            )
            .map((r) => String(r.id));
        }
        const keys = Object.keys(patch) as (keyof ItemPatch)[];
        const sets = keys.map((k) => `${columnOf(k)} = ?`).join(', ');
        const values = keys.map((k) => toSql(k, patch[k]));
        for (let i = 0; i < selected.length; i += 500) {
          const chunk = selected.slice(i, i + 500);
          db.run(`UPDATE items SET ${sets} WHERE id IN (${placeholders(chunk.length)})`, [
            ...values,
            ...chunk,
          ]);
        }
        return selected;
      });
    },
    addPart: (itemId, partNo) =>
      void db.run('INSERT OR IGNORE INTO parts (item_id, part_no) VALUES (?, ?)', [itemId, partNo]),
    parts: (itemId) =>
      new Set(db.all('SELECT part_no FROM parts WHERE item_id = ?', [itemId]).map((r) => Number(r.part_no))),
    clearParts: (itemId) => void db.run('DELETE FROM parts WHERE item_id = ?', [itemId]),
    cachedHash(path, size, mtimeMs) {
      const row = db.get('SELECT md5 FROM hash_cache WHERE path = ? AND size = ? AND mtime_ms = ?', [
        path,
        size,
        mtimeMs,
      ]);
      return row ? String(row.md5) : undefined;
    },
    cacheHash: (path, size, mtimeMs, md5) =>
      void db.run('INSERT OR REPLACE INTO hash_cache (path, size, mtime_ms, md5) VALUES (?, ?, ?, ?)', [
        path,
        size,
        mtimeMs,
        md5,
      ]),
    cachedFolder(batchId, parentId, name) {
      const row = db.get(
        'SELECT folder_id FROM remote_folders WHERE batch_id = ? AND parent_id = ? AND name = ?',
        [batchId, parentId, name],
      );
      return row ? Number(row.folder_id) : undefined;
    },
    cacheFolder: (batchId, parentId, name, folderId) =>
      void db.run(
        'INSERT OR REPLACE INTO remote_folders (batch_id, parent_id, name, folder_id) VALUES (?, ?, ?, ?)',
        [batchId, parentId, name, folderId],
      ),
    transaction,
    close() {
      db.close();
      release();
    },
  };
}

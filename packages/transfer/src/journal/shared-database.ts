/**
 * The journal's SQLite handle as other modules of the app may use it: one database file per
 * drive, so what they store beside the queue (the sync state) commits in the same file, with
 * the same durability levels, and survives a crash exactly as the queue does. Each user keeps
 * its own tables and its own schema version (`openTables`); the queue's tables stay private.
 */
import type { SqlDatabase, SqlRow, SqlValue } from './sql-database';

export type { SqlRow, SqlValue };

export interface JournalDatabase {
  run(sql: string, values?: readonly SqlValue[]): { changes: number };
  get(sql: string, values?: readonly SqlValue[]): SqlRow | null;
  all(sql: string, values?: readonly SqlValue[]): SqlRow[];
  /** Runs `fn` in a transaction (committed, not fsync'd); nested calls join the outer one. */
  transaction<T>(fn: () => T): T;
  /** Runs `fn` in a transaction whose commit is fsync'd (survives an OS crash or power cut). */
  durably<T>(fn: () => T): T;
  /**
   * Brings the tables of `component` to `migrations.length`, each migration once, in order,
   * in its own transaction; versions are kept per component in `component_versions`. A
   * database written by a newer version of the component is refused.
   */
  openTables(component: string, migrations: readonly string[]): void;
}

export function createSharedDatabase(
  db: SqlDatabase,
  transaction: <T>(fn: () => T) => T,
  durably: <T>(fn: () => T) => T,
): JournalDatabase {
  return {
    run: (sql, v) => ({ changes: db.run(sql, v).changes }),
    get: (sql, v) => db.get(sql, v),
    all: (sql, v) => db.all(sql, v),
    transaction,
    durably,
    openTables(component, migrations) {
      db.exec(
        'CREATE TABLE IF NOT EXISTS component_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)',
      );
      const row = db.get('SELECT version FROM component_versions WHERE component = ?', [component]);
      const current = row === null ? 0 : Number(row.version);
      if (current > migrations.length)
        throw new Error(
          `The ${component} tables (version ${current}) are newer than this app (${migrations.length}).`,
        );
      for (let v = current; v < migrations.length; v++) {
        durably(() => {
          db.exec(migrations[v] ?? '');
          db.run('INSERT OR REPLACE INTO component_versions (component, version) VALUES (?, ?)', [
            component,
            v + 1,
          ]);
        });
      }
    },
  };
}

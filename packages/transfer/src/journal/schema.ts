/**
 * Journal schema, versioned with SQLite's `user_version`. Each migration runs once, inside a
 * transaction, in order; a journal written by a newer engine is refused rather than guessed at.
 */
import type { Database } from 'node-sqlite3-wasm';

const MIGRATIONS: readonly string[] = [
  // v1: items, acknowledged parts (upload slices / download segments), hash cache, folder cache.
  `CREATE TABLE items (
     id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL,
     batch_id TEXT NOT NULL,
     parent_item_id TEXT,
     dedup_key TEXT UNIQUE,
     direction TEXT NOT NULL,
     kind TEXT NOT NULL,
     name TEXT NOT NULL,
     local_path TEXT NOT NULL,
     remote_parent_id INTEGER,
     remote_file_id INTEGER,
     size INTEGER NOT NULL DEFAULT 0,
     etag TEXT,
     bytes_done INTEGER NOT NULL DEFAULT 0,
     state TEXT NOT NULL,
     pause_reason TEXT,
     error_code TEXT,
     error_message TEXT,
     error_retryable INTEGER NOT NULL DEFAULT 0,
     conflict TEXT NOT NULL,
     priority INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     finished_at INTEGER,
     session_json TEXT,
     final_path TEXT,
     create_attempted INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX items_pick ON items (direction, kind, state, priority DESC, seq);
   CREATE INDEX items_parent ON items (parent_item_id);
   CREATE INDEX items_order ON items (priority DESC, seq);
   -- Counts and byte sums per (direction, kind, state), kept by triggers so a summary of a
   -- 100,000-item queue reads a few rows instead of scanning the table 4 times a second.
   CREATE TABLE item_counts (
     direction TEXT NOT NULL,
     kind TEXT NOT NULL,
     state TEXT NOT NULL,
     count INTEGER NOT NULL,
     size INTEGER NOT NULL,
     bytes_done INTEGER NOT NULL,
     PRIMARY KEY (direction, kind, state)
   );
   CREATE TRIGGER items_counts_insert AFTER INSERT ON items BEGIN
     INSERT INTO item_counts VALUES (NEW.direction, NEW.kind, NEW.state, 1, NEW.size, NEW.bytes_done)
       ON CONFLICT DO UPDATE SET count = count + 1, size = size + excluded.size, bytes_done = bytes_done + excluded.bytes_done;
   END;
   CREATE TRIGGER items_counts_delete AFTER DELETE ON items BEGIN
     UPDATE item_counts SET count = count - 1, size = size - OLD.size, bytes_done = bytes_done - OLD.bytes_done
       WHERE direction = OLD.direction AND kind = OLD.kind AND state = OLD.state;
   END;
   CREATE TRIGGER items_counts_update AFTER UPDATE OF direction, kind, state, size, bytes_done ON items BEGIN
     UPDATE item_counts SET count = count - 1, size = size - OLD.size, bytes_done = bytes_done - OLD.bytes_done
       WHERE direction = OLD.direction AND kind = OLD.kind AND state = OLD.state;
     INSERT INTO item_counts VALUES (NEW.direction, NEW.kind, NEW.state, 1, NEW.size, NEW.bytes_done)
       ON CONFLICT DO UPDATE SET count = count + 1, size = size + excluded.size, bytes_done = bytes_done + excluded.bytes_done;
   END;
   CREATE TABLE parts (
     item_id TEXT NOT NULL,
     part_no INTEGER NOT NULL,
     PRIMARY KEY (item_id, part_no)
   );
   CREATE TABLE hash_cache (
     path TEXT PRIMARY KEY,
     size INTEGER NOT NULL,
     mtime_ms REAL NOT NULL,
     md5 TEXT NOT NULL
   );
   CREATE TABLE remote_folders (
     batch_id TEXT NOT NULL,
     parent_id INTEGER NOT NULL,
     name TEXT NOT NULL,
     folder_id INTEGER NOT NULL,
     PRIMARY KEY (batch_id, parent_id, name)
   );`,
  // v2: an error's specific cause, its params and the service's detail, so stored failures are
  // worded in the current language; finished items listed latest first.
  `ALTER TABLE items ADD COLUMN error_reason TEXT;
   ALTER TABLE items ADD COLUMN error_params TEXT;
   ALTER TABLE items ADD COLUMN error_detail TEXT;
   CREATE INDEX items_recent ON items (finished_at DESC, seq DESC);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION. Throws on a journal from a newer version. */
export function migrate(db: Database): void {
  const row = db.get('PRAGMA user_version') as { user_version: number } | null;
  const current = Number(row?.user_version ?? 0);
  if (current > SCHEMA_VERSION) {
    throw new Error(`Transfer journal version ${current} is newer than this app (${SCHEMA_VERSION}).`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.exec('BEGIN');
    try {
      db.exec(MIGRATIONS[v] ?? '');
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

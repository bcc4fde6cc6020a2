/**
 * The sync's tables, in the transfer journal's database (one SQLite file per drive), under
 * their own version (`component_versions`, component 'sync'). Paths are relative and
 * '/'-separated; JSON columns hold contract shapes (config, counts, problems, a plan step).
 */
export const SYNC_COMPONENT = 'sync';

export const SYNC_MIGRATIONS: readonly string[] = [
  `CREATE TABLE sync_pairs (
     id TEXT PRIMARY KEY,
     config TEXT NOT NULL,
     paused INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     case_insensitive INTEGER NOT NULL DEFAULT 0,
     scan TEXT,
     item_problems TEXT,
     checked_at INTEGER
   );
   -- The last synced state: what both sides held when this path was last in step.
   CREATE TABLE sync_base (
     pair_id TEXT NOT NULL,
     path TEXT NOT NULL,
     kind TEXT NOT NULL,
     size INTEGER NOT NULL,
     md5 TEXT,
     mtime_ms REAL NOT NULL,
     ino INTEGER NOT NULL,
     remote_id INTEGER NOT NULL,
     PRIMARY KEY (pair_id, path)
   );
   -- MD5s of local files by fingerprint, so an unchanged file is never hashed twice.
   CREATE TABLE sync_hashes (
     pair_id TEXT NOT NULL,
     path TEXT NOT NULL,
     size INTEGER NOT NULL,
     mtime_ms REAL NOT NULL,
     ino INTEGER NOT NULL,
     md5 TEXT NOT NULL,
     PRIMARY KEY (pair_id, path)
   );
   CREATE TABLE sync_runs (
     id TEXT PRIMARY KEY,
     pair_id TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     finished_at INTEGER,
     state TEXT NOT NULL,
     outcome TEXT,
     counts TEXT NOT NULL,
     reason TEXT,
     problems TEXT NOT NULL DEFAULT '[]',
     scan TEXT,
     error TEXT
   );
   CREATE INDEX sync_runs_pair ON sync_runs (pair_id, started_at);
   -- A run's steps, in order; state moves from pending to done / failed / skipped together
   -- with the base rows the step changes (one transaction).
   CREATE TABLE sync_actions (
     run_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     pair_id TEXT NOT NULL,
     phase TEXT NOT NULL,
     kind TEXT NOT NULL,
     path TEXT NOT NULL,
     body TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending',
     batch_id TEXT,
     error TEXT,
     PRIMARY KEY (run_id, seq)
   );
   CREATE INDEX sync_actions_batch ON sync_actions (batch_id);
   CREATE TABLE sync_conflicts (
     id TEXT PRIMARY KEY,
     pair_id TEXT NOT NULL,
     path TEXT NOT NULL,
     copy_path TEXT NOT NULL,
     detected_at INTEGER NOT NULL
   );
   -- Files the service refused, so an unchanged one is reported instead of sent again.
   CREATE TABLE sync_refused (
     pair_id TEXT NOT NULL,
     path TEXT NOT NULL,
     size INTEGER NOT NULL,
     mtime_ms REAL NOT NULL,
     message TEXT NOT NULL,
     PRIMARY KEY (pair_id, path)
   );`,
];

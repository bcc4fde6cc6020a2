/**
 * The base (last synced state), the hash cache and the refused files of each pair. Prefix
 * operations compare with `substr` instead of LIKE, because paths may contain `%` and `_`.
 */
import type { JournalDatabase, SqlRow } from '@pandesk/transfer';
import type { BaseEntry } from '../model';

const WITHIN = `(path = ? OR (? = '' OR substr(path, 1, length(?) + 1) = ? || '/'))`;
const withinArgs = (path: string): string[] => [path, path, path, path];

function toEntry(r: SqlRow): BaseEntry {
  return {
    path: String(r.path),
    kind: r.kind === 'folder' ? 'folder' : 'file',
    size: Number(r.size),
    md5: r.md5 === null ? null : String(r.md5),
    mtimeMs: Number(r.mtime_ms),
    ino: Number(r.ino),
    remoteId: Number(r.remote_id),
  };
}

export interface BaseStore {
  load(pairId: string): Map<string, BaseEntry>;
  get(pairId: string, path: string): BaseEntry | undefined;
  set(pairId: string, entry: BaseEntry): void;
  /** Removes the entries at and under `path`. */
  forget(pairId: string, path: string): void;
  /** Moves the entries at and under `from` to `to` (replacing whatever was there). */
  rekey(pairId: string, from: string, to: string): void;
  count(pairId: string): number;
  hashes(pairId: string): Map<string, { size: number; mtimeMs: number; ino: number; md5: string }>;
  rememberHashes(
    pairId: string,
    rows: readonly { path: string; size: number; mtimeMs: number; ino: number; md5: string }[],
  ): void;
  refused(pairId: string): Map<string, { size: number; mtimeMs: number; message: string }>;
  refuse(pairId: string, path: string, size: number, mtimeMs: number, message: string): void;
  dropPair(pairId: string): void;
}

export function createBaseStore(db: JournalDatabase): BaseStore {
  return {
    load(pairId) {
      const out = new Map<string, BaseEntry>();
      for (const r of db.all('SELECT * FROM sync_base WHERE pair_id = ?', [pairId])) {
        const e = toEntry(r);
        out.set(e.path, e);
      }
      return out;
    },
    get(pairId, path) {
      const r = db.get('SELECT * FROM sync_base WHERE pair_id = ? AND path = ?', [pairId, path]);
      return r === null ? undefined : toEntry(r);
    },
    set(pairId, e) {
      db.run(
        `INSERT OR REPLACE INTO sync_base (pair_id, path, kind, size, md5, mtime_ms, ino, remote_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [pairId, e.path, e.kind, e.size, e.md5, e.mtimeMs, e.ino, e.remoteId],
      );
    },
    forget(pairId, path) {
      db.run(`DELETE FROM sync_base WHERE pair_id = ? AND ${WITHIN}`, [pairId, ...withinArgs(path)]);
    },
    rekey(pairId, from, to) {
      if (from === to) return;
      db.transaction(() => {
        // Whatever sits at the target and is not being moved gives way.
        db.run(`DELETE FROM sync_base WHERE pair_id = ? AND ${WITHIN} AND NOT ${WITHIN}`, [
          pairId,
          ...withinArgs(to),
          ...withinArgs(from),
        ]);
        db.run(
          `UPDATE sync_base SET path = ? || substr(path, length(?) + 1) WHERE pair_id = ? AND ${WITHIN}`,
          [to, from, pairId, ...withinArgs(from)],
        );
      });
    },
    count: (pairId) =>
      Number(db.get('SELECT COUNT(*) AS n FROM sync_base WHERE pair_id = ?', [pairId])?.n ?? 0),
    hashes(pairId) {
      const out = new Map<string, { size: number; mtimeMs: number; ino: number; md5: string }>();
      for (const r of db.all('SELECT * FROM sync_hashes WHERE pair_id = ?', [pairId])) {
        out.set(String(r.path), {
          size: Number(r.size),
          mtimeMs: Number(r.mtime_ms),
          ino: Number(r.ino),
          md5: String(r.md5),
        });
      }
      return out;
    },
    rememberHashes(pairId, rows) {
      if (rows.length === 0) return;
      db.transaction(() => {
        for (let i = 0; i < rows.length; i += 500) {
          const chunk = rows.slice(i, i + 500).map((r) => [pairId, r.path, r.size, r.mtimeMs, r.ino, r.md5]);
          db.run(
            `INSERT OR REPLACE INTO sync_hashes (pair_id, path, size, mtime_ms, ino, md5)
             SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?)`,
            [JSON.stringify(chunk)],
          );
        }
      });
    },
    refused(pairId) {
      const out = new Map<string, { size: number; mtimeMs: number; message: string }>();
      for (const r of db.all('SELECT * FROM sync_refused WHERE pair_id = ?', [pairId])) {
        out.set(String(r.path), {
          size: Number(r.size),
          mtimeMs: Number(r.mtime_ms),
          message: String(r.message),
        });
      }
      return out;
    },
    refuse(pairId, path, size, mtimeMs, message) {
      db.run(
        'INSERT OR REPLACE INTO sync_refused (pair_id, path, size, mtime_ms, message) VALUES (?, ?, ?, ?, ?)',
        [pairId, path, size, mtimeMs, message],
      );
    },
    dropPair(pairId) {
      for (const table of ['sync_base', 'sync_hashes', 'sync_refused'])
        db.run(`DELETE FROM ${table} WHERE pair_id = ?`, [pairId]);
    },
  };
}

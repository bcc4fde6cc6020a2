/**
 * The last listing of the real drive's root folder, kept on disk (`root-listing.json` in
 * userData: its first page, at most {@link OFFLINE_ROOT_LIMIT} entries) so the window can show
 * it while signing in is under way or the service is unreachable. Bound to the drive and root
 * it came from (service address, client id, root folder id), so another account's files never
 * show. Names and sizes only: no secret is ever in it. Written durably (a synced temporary file
 * renamed over the old one), one write at a time, and only when the listing changed.
 */
import { join } from 'node:path';
import { writeFileDurably } from '@pandesk/durable-file';
import type { FileEntry } from '@pandesk/contract';
import type { Logger } from '../log/daily-log';
import { readJsonFile } from '../cloud/json-file';
import type { LocalFs } from '../ports';

export const OFFLINE_ROOT_LIMIT = 200;

export interface OfflineRoot {
  /** Keeps `items` (the root's first page) for `key`. Never rejects. */
  remember(key: string, items: readonly FileEntry[]): Promise<void>;
  /** The entries kept for `key`, or null (none, another drive's, or unreadable). */
  recall(key: string): Promise<readonly FileEntry[] | null>;
}

interface Stored {
  readonly version: 1;
  readonly key: string;
  readonly savedAt: number;
  readonly items: readonly FileEntry[];
}

function isEntry(value: unknown): value is FileEntry {
  const e = value as Partial<FileEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'number' &&
    typeof e.name === 'string' &&
    typeof e.parentId === 'number' &&
    (e.kind === 'file' || e.kind === 'folder') &&
    typeof e.size === 'number' &&
    typeof e.modifiedAt === 'number'
  );
}

function parse(json: unknown, key: string): readonly FileEntry[] | null {
  const stored = json as Partial<Stored> | undefined;
  if (typeof stored !== 'object' || stored === null) return null;
  if (stored.version !== 1 || stored.key !== key || !Array.isArray(stored.items)) return null;
  return stored.items.every(isEntry) ? stored.items : null;
}

export function createOfflineRoot(options: {
  fs: Pick<LocalFs, 'open'>;
  userData: string;
  logger: Logger;
  clock: { now(): number };
}): OfflineRoot {
  const path = join(options.userData, 'root-listing.json');
  let writing: Promise<void> = Promise.resolve();
  let lastWritten = '';

  return {
    remember(key, items) {
      const kept = items.slice(0, OFFLINE_ROOT_LIMIT);
      const body = JSON.stringify({ key, items: kept });
      if (body === lastWritten) return writing;
      lastWritten = body;
      const stored: Stored = { version: 1, key, savedAt: options.clock.now(), items: kept };
      writing = writing
        .then(() => writeFileDurably(path, JSON.stringify(stored)))
        .catch((error: unknown) => {
          lastWritten = '';
          options.logger.warn('could not keep the root listing for offline use', error);
        });
      return writing;
    },
    async recall(key) {
      await writing;
      return parse(await readJsonFile(options.fs, path).catch(() => undefined), key);
    },
  };
}

/**
 * The disk side of the open cache: one folder per drive, one subfolder per file version
 * (`<fileId>-<md5>`) holding the downloaded copy. A folder's age is its copy's modification
 * time, refreshed each time the copy is opened again, so eviction drops the least recently
 * opened first. The thumbnail cache keeps its entries the same way (`entryDir`, one small
 * file each), so both caches share one least-recently-used eviction.
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';

export type CacheFs = Pick<typeof fsp, 'mkdir' | 'readdir' | 'stat' | 'rm' | 'utimes'>;

/** Files the transfer engine writes while a download runs. */
const isPartial = (name: string): boolean => name.endsWith('.part') || name.startsWith('.');

export interface CachedCopy {
  readonly dir: string;
  readonly bytes: number;
  readonly usedAt: number;
  /** A download is still writing here: never evicted. */
  readonly busy: boolean;
}

export interface CacheFolder {
  /** The subfolder of one file version (not created). */
  versionDir(fileId: number, md5: string): string;
  /** The subfolder of any other cached item, by a key safe in a file name (not created). */
  entryDir(key: string): string;
  /** The complete copy in a folder (with the expected size when given), or `undefined`. */
  findCopy(dir: string, size?: number): Promise<string | undefined>;
  /** Marks a copy as just used (its modification time is now). */
  touch(path: string, now: number): Promise<void>;
  list(): Promise<CachedCopy[]>;
  /**
   * Deletes the oldest copies until the rest fit in `limitBytes`; `keep` is never deleted.
   * Answers the bytes left.
   */
  evict(limitBytes: number, keep: string): Promise<number>;
  clear(): Promise<void>;
}

export function createCacheFolder(root: string, fs: CacheFs = fsp): CacheFolder {
  async function names(dir: string): Promise<string[]> {
    try {
      return await fs.readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async function describe(dir: string): Promise<CachedCopy> {
    let bytes = 0;
    let usedAt = 0;
    let busy = false;
    for (const name of await names(dir)) {
      const info = await fs.stat(join(dir, name));
      bytes += info.size;
      usedAt = Math.max(usedAt, info.mtimeMs);
      busy ||= isPartial(name);
    }
    return { dir, bytes, usedAt, busy };
  }

  const list = async (): Promise<CachedCopy[]> =>
    Promise.all((await names(root)).map((name) => describe(join(root, name))));

  return {
    versionDir: (fileId, md5) => join(root, `${fileId}-${md5.toLowerCase()}`),
    entryDir: (key) => join(root, key),
    async findCopy(dir, size) {
      for (const name of await names(dir)) {
        if (isPartial(name)) continue;
        const path = join(dir, name);
        const info = await fs.stat(path);
        if (info.isFile() && (size === undefined || info.size === size)) return path;
      }
      return undefined;
    },
    async touch(path, now) {
      const at = new Date(now);
      await fs.utimes(path, at, at);
    },
    list,
    async evict(limitBytes, keep) {
      const copies = await list();
      let total = copies.reduce((sum, c) => sum + c.bytes, 0);
      const oldestFirst = copies.filter((c) => c.dir !== keep && !c.busy).sort((a, b) => a.usedAt - b.usedAt);
      for (const copy of oldestFirst) {
        if (total <= limitBytes) break;
        await fs.rm(copy.dir, { recursive: true, force: true });
        total -= copy.bytes;
      }
      return total;
    },
    async clear() {
      for (const copy of await list())
        if (!copy.busy) await fs.rm(copy.dir, { recursive: true, force: true });
    },
  };
}

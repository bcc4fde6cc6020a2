/**
 * The disk cache of made thumbnails for one drive: one entry per image content and edge
 * (`<md5>-<px>/thumb.<ext>`), kept by the open cache's folder logic, so a thumbnail shown
 * again is marked used and the least recently shown go first when the cap is reached.
 */
import * as fsp from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ThumbnailSize, ThumbnailType } from '@pandesk/contract';
import { createCacheFolder } from '../open/cache-folder';
import type { CacheFs } from '../open/cache-folder';

export type ThumbnailCacheFs = CacheFs & Pick<typeof fsp, 'readFile' | 'writeFile'>;

const EXTENSION: Record<ThumbnailType, string> = {
  'image/webp': '.webp',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};
const TYPE_OF: Record<string, ThumbnailType> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

export interface StoredThumbnail {
  readonly type: ThumbnailType;
  readonly data: Buffer;
}

export interface ThumbnailCache {
  /** The stored thumbnail, marked as used now; `undefined` when there is none. */
  read(md5: string, px: ThumbnailSize, now: number): Promise<StoredThumbnail | undefined>;
  /** Stores a thumbnail, then evicts the least recently used until the cache fits `limitBytes`. */
  write(md5: string, px: ThumbnailSize, thumbnail: StoredThumbnail, limitBytes: number): Promise<void>;
  bytes(): Promise<number>;
}

export function createThumbnailCache(root: string, fs: ThumbnailCacheFs = fsp): ThumbnailCache {
  const folder = createCacheFolder(root, fs);
  const dirOf = (md5: string, px: ThumbnailSize): string => folder.entryDir(`${md5.toLowerCase()}-${px}`);
  /**
   * Bytes held: summed from the folder once, then kept up to date by every write and eviction
   * (the UI asks after each fetched image; listing every entry each time would grow with the cache).
   */
  let held: number | undefined;
  const sum = async (): Promise<number> => (await folder.list()).reduce((total, c) => total + c.bytes, 0);
  return {
    async read(md5, px, now) {
      const path = await folder.findCopy(dirOf(md5, px));
      const type = path === undefined ? undefined : TYPE_OF[extname(path)];
      if (path === undefined || type === undefined) return undefined;
      const data = await fs.readFile(path);
      await folder.touch(path, now);
      return { type, data };
    },
    async write(md5, px, thumbnail, limitBytes) {
      const dir = dirOf(md5, px);
      const before = held ?? (await sum());
      const replaced = await folder.findCopy(dir);
      const replacedBytes = replaced === undefined ? 0 : (await fs.stat(replaced)).size;
      if (replaced !== undefined) await fs.rm(replaced, { force: true });
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(join(dir, `thumb${EXTENSION[thumbnail.type]}`), thumbnail.data);
      held = before - replacedBytes + thumbnail.data.length;
      if (held > limitBytes) held = await folder.evict(limitBytes, dir);
    },
    bytes: async () => (held ??= await sum()),
  };
}

/**
 * Content store: immutable blobs on disk keyed by (md5, size), the way 123pan dedups content
 * (§7.1: rapid upload keys on MD5 + size). Blobs live in `<dataDir>/blobs/<md5>-<size>`.
 *
 * Invariants:
 * - Bytes are never held in memory: writes stream through a hashing pass into a temp file in the
 *   same folder, which is then renamed into place (atomic on one file system).
 * - A blob path, once it exists, always holds exactly the bytes its name promises.
 * - `index.jsonl` (append-only, one `{md5,size,sha1}` per line) keeps the SHA-1 of every blob so a
 *   restart does not rehash gigabytes. Blobs found on disk without an index line are rehashed once
 *   at open; index lines without a blob are dropped.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, appendFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createHashingStream } from './hashing';
import { writeFileDurably } from '@pandesk/durable-file';

export interface BlobInfo {
  md5: string;
  sha1: string;
  size: number;
}

export interface ContentStore {
  /** Streams bytes to a temp file, hashing on the way, then renames to its blob path. Never buffers. */
  putStream(source: NodeJS.ReadableStream): Promise<BlobInfo>;
  putBuffer(bytes: Uint8Array): Promise<BlobInfo>;
  /** Adopt a finished temp file (e.g. a concatenation of slices) whose hashes are known. */
  adoptFile(tempPath: string, info: BlobInfo): Promise<void>;
  has(md5: string, size: number): boolean;
  /** The stored hashes of a blob, or undefined. */
  get(md5: string, size: number): BlobInfo | undefined;
  findBySha1(sha1: string, size: number): BlobInfo | undefined;
  blobPath(md5: string, size: number): string;
  /** Inclusive byte range like HTTP Range. */
  createReadStream(md5: string, size: number, range?: { start: number; end: number }): NodeJS.ReadableStream;
  /** A temp path inside the store's folder (same file system, so rename is atomic). */
  tempPath(prefix: string): string;
  /** Folder holding the blobs. */
  readonly dir: string;
}

export interface ContentStoreOptions {
  /** Blobs go to `<dataDir>/blobs`. */
  dataDir: string;
}

/** Blob reads for the CDN: 1 MiB pieces (the 64 KiB default cost this server a core per GB/s). */
const READ_CHUNK = 1024 * 1024;
const BLOB_NAME = /^([0-9a-f]{32})-(\d+)$/;
const TEMP_PREFIX = '.tmp-';
const INDEX_FILE = 'index.jsonl';

const key = (hash: string, size: number): string => `${hash.toLowerCase()}-${size}`;

/** Opens (or creates) the store under `dataDir`, rebuilding the in-memory index. */
export async function createContentStore(options: ContentStoreOptions): Promise<ContentStore> {
  const dir = join(options.dataDir, 'blobs');
  await mkdir(dir, { recursive: true });
  const byMd5 = new Map<string, BlobInfo>();
  const bySha1 = new Map<string, BlobInfo>();
  const indexPath = join(dir, INDEX_FILE);

  const remember = (info: BlobInfo, persist: boolean): void => {
    if (byMd5.has(key(info.md5, info.size))) return;
    byMd5.set(key(info.md5, info.size), info);
    if (info.sha1) bySha1.set(key(info.sha1, info.size), info);
    if (persist) appendFileSync(indexPath, `${JSON.stringify(info)}\n`);
  };

  await loadIndex(dir, indexPath, (info) => remember(info, false));
  await writeFileDurably(indexPath, [...byMd5.values()].map((i) => `${JSON.stringify(i)}\n`).join(''));

  const blobPath = (md5: string, size: number): string => join(dir, key(md5, size));
  const tempPath = (prefix: string): string =>
    join(dir, `${TEMP_PREFIX}${prefix.replace(/[^\w.-]/g, '_')}-${randomBytes(6).toString('hex')}`);

  /** Moves a finished temp file into place, or drops it when the blob already exists. */
  const settle = async (temp: string, info: BlobInfo): Promise<void> => {
    if (byMd5.has(key(info.md5, info.size))) {
      await rm(temp, { force: true });
      return;
    }
    await rename(temp, blobPath(info.md5, info.size));
    remember({ md5: info.md5.toLowerCase(), sha1: info.sha1.toLowerCase(), size: info.size }, true);
  };

  const putStream = async (source: NodeJS.ReadableStream): Promise<BlobInfo> => {
    const temp = tempPath('put');
    const hashing = createHashingStream(true);
    try {
      await pipeline(source, hashing, createWriteStream(temp));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const info = hashing.result();
    await settle(temp, info);
    return byMd5.get(key(info.md5, info.size)) ?? info;
  };

  return {
    dir,
    putStream,
    putBuffer: (bytes) => putStream(Readable.from([Buffer.from(bytes)])),
    adoptFile: (temp, info) => settle(temp, info),
    has: (md5, size) => byMd5.has(key(md5, size)),
    get: (md5, size) => byMd5.get(key(md5, size)),
    findBySha1: (sha1, size) => bySha1.get(key(sha1, size)),
    blobPath,
    tempPath,
    createReadStream: (md5, size, range) =>
      createReadStream(blobPath(md5, size), {
        highWaterMark: READ_CHUNK,
        ...(range ? { start: range.start, end: range.end } : {}),
      }),
  };
}

/**
 * Feeds every blob on disk to `add`: hashes from the index when it has a line for the blob,
 * else from a fresh hashing pass. Leftover temp files from a crash are deleted.
 */
async function loadIndex(dir: string, indexPath: string, add: (info: BlobInfo) => void): Promise<void> {
  const known = await readIndexLines(indexPath);
  for (const name of await readdir(dir)) {
    if (name.startsWith(TEMP_PREFIX)) {
      await rm(join(dir, name), { force: true });
      continue;
    }
    const match = BLOB_NAME.exec(name);
    if (!match) continue;
    const listed = known.get(name);
    if (listed) {
      add(listed);
      continue;
    }
    const hashed = await hashFile(join(dir, name));
    if (hashed.md5 === match[1] && hashed.size === Number(match[2])) add(hashed);
  }
}

async function readIndexLines(indexPath: string): Promise<Map<string, BlobInfo>> {
  const known = new Map<string, BlobInfo>();
  let text = '';
  try {
    text = await readFile(indexPath, 'utf8');
  } catch {
    return known;
  }
  for (const line of text.split('\n')) {
    const info = parseIndexLine(line);
    if (info) known.set(key(info.md5, info.size), info);
  }
  return known;
}

/** A torn last line (crash mid-append) is simply ignored. */
function parseIndexLine(line: string): BlobInfo | undefined {
  if (!line.trim()) return undefined;
  try {
    const value = JSON.parse(line) as Partial<BlobInfo>;
    if (typeof value.md5 === 'string' && typeof value.sha1 === 'string' && typeof value.size === 'number') {
      return { md5: value.md5, sha1: value.sha1, size: value.size };
    }
  } catch {
    // fall through
  }
  return undefined;
}

async function hashFile(path: string): Promise<BlobInfo> {
  const hashing = createHashingStream(true);
  hashing.resume(); // only the hashes matter; let the bytes fall through
  await pipeline(createReadStream(path), hashing);
  return hashing.result();
}

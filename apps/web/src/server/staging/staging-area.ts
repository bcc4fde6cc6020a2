import { mkdir, open, readdir, rm, unlink } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSafeBatchId } from './safe-path';

/**
 * The staging folder of the browser host: dropped files are streamed here (one sub-folder per
 * drop, named by the page's batch id) and then uploaded from the host's disk like any local
 * file. Invariant: every path this module creates lies strictly inside `root/<batchId>/`.
 */

export interface StagedEntry {
  /** Absolute path of the staged file or folder on the host. */
  readonly path: string;
  /** The batch folder's top-level entry containing it (what goes to `transfers.upload`). */
  readonly topLevel: string;
}

export interface StagingArea {
  readonly root: string;
  batchDir(batchId: string): string;
  /** Streams `body` into a new file; refuses to overwrite (`EEXIST`) and removes partial files. */
  writeFile(batchId: string, segments: readonly string[], body: Readable): Promise<StagedEntry>;
  /** Creates a (possibly empty) folder, e.g. an empty dropped folder. */
  makeDir(batchId: string, segments: readonly string[]): Promise<StagedEntry>;
  /** The batch id whose folder contains `localPath`, or undefined when it is not staged. */
  batchOf(localPath: string): string | undefined;
  listBatches(): Promise<string[]>;
  removeBatch(batchId: string): Promise<void>;
}

export class UnsafeStagingPathError extends Error {
  constructor() {
    super('The staging path is not inside the staging folder.');
    this.name = 'UnsafeStagingPathError';
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export function createStagingArea(root: string): StagingArea {
  function batchDir(batchId: string): string {
    if (!isSafeBatchId(batchId)) throw new UnsafeStagingPathError();
    return join(root, batchId);
  }

  function resolveEntry(batchId: string, segments: readonly string[]): StagedEntry {
    const dir = batchDir(batchId);
    const first = segments[0];
    if (first === undefined) throw new UnsafeStagingPathError();
    const path = join(dir, ...segments);
    const topLevel = join(dir, first);
    // Belt and braces: the segments were checked already, but the join must still land inside.
    if (!isInside(dir, path) || !isInside(dir, topLevel)) throw new UnsafeStagingPathError();
    return { path, topLevel };
  }

  async function writeFile(
    batchId: string,
    segments: readonly string[],
    body: Readable,
  ): Promise<StagedEntry> {
    const entry = resolveEntry(batchId, segments);
    await mkdir(join(entry.path, '..'), { recursive: true });
    // Open first: an existing file is refused before the body is touched (EEXIST).
    const handle = await open(entry.path, 'wx', 0o600);
    try {
      // The stream owns the handle from here and closes it on finish or error.
      await pipeline(body, handle.createWriteStream());
    } catch (error) {
      await unlink(entry.path).catch(() => undefined);
      throw error;
    }
    return entry;
  }

  async function makeDir(batchId: string, segments: readonly string[]): Promise<StagedEntry> {
    const entry = resolveEntry(batchId, segments);
    await mkdir(entry.path, { recursive: true, mode: 0o700 });
    return entry;
  }

  function batchOf(localPath: string): string | undefined {
    if (!isInside(root, localPath)) return undefined;
    const batchId = relative(root, localPath).split(sep)[0];
    return batchId !== undefined && isSafeBatchId(batchId) ? batchId : undefined;
  }

  async function listBatches(): Promise<string[]> {
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory() && isSafeBatchId(e.name)).map((e) => e.name);
  }

  async function removeBatch(batchId: string): Promise<void> {
    await rm(batchDir(batchId), { recursive: true, force: true });
  }

  return { root, batchDir, writeFile, makeDir, batchOf, listBatches, removeBatch };
}

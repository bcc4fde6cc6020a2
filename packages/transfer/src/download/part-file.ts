/**
 * The `.part` file a download writes into: named with the whole item id beside the target, and
 * created exclusively (O_EXCL), so it is this item's and no other's. Its identity (device and
 * inode) is taken from the open handle, so what is put in place later can be proven to be it.
 */
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { JobContext } from '../job-context';
import { NotRegularFileError } from '../util/fs-errors';
import { legacyPartFileName, partFileName } from '../util/safe-name';

/** Device and inode of a file: equal identities are the same file. */
export interface FileIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
}

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

export function partPathOf(ctx: JobContext): string {
  return join(dirname(ctx.item.localPath), partFileName(basename(ctx.item.localPath), ctx.item.id));
}

export interface OpenPart {
  readonly handle: FileHandle;
  readonly identity: FileIdentity;
}

/**
 * Opens the item's part file, or creates it (exclusively) when missing, forgetting segments
 * journaled for a part that is gone. Sized to `size` either way.
 */
export async function openPart(ctx: JobContext, path: string, size: number): Promise<OpenPart> {
  let handle: FileHandle;
  try {
    handle = await ctx.fs.open(path, 'r+');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    ctx.journal.clearParts(ctx.item.id);
    const legacy = join(dirname(path), legacyPartFileName(basename(ctx.item.localPath), ctx.item.id));
    await ctx.fs.unlink(legacy).catch(() => undefined);
    handle = await ctx.fs.open(path, 'wx+');
  }
  try {
    const st = await handle.stat({ bigint: true });
    if (!st.isFile()) throw new NotRegularFileError();
    if (st.size !== BigInt(size)) await handle.truncate(size);
    return { handle, identity: { dev: st.dev, ino: st.ino } };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** Identity of the file at `path` now, or null when nothing is there. */
export async function identityAt(ctx: JobContext, path: string): Promise<FileIdentity | null> {
  try {
    const st = await ctx.fs.stat(path, { bigint: true });
    return { dev: st.dev, ino: st.ino };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * What is uploaded: the file's size, mtime and MD5, with its slices' MD5s from the same read.
 * The MD5 comes from the journaled session (a resume), the hash cache (a file hashed before with
 * the same size and mtime), or one read of the file in a hashing worker that also cuts it into
 * slices of the size the service last chose, so the slices need no second read unless create
 * answers another size.
 */
import type { JobContext } from '../job-context';
import { FileChangedError } from '../job-context';
import type { Identity } from './before-create';
import type { StoredSession } from './session';
import type { SourceFile } from './source-file';

export interface SliceHashes {
  readonly sliceSize: number;
  readonly md5s: readonly string[];
}

export interface HashedIdentity extends Identity {
  /** Slice MD5s read with the whole file's, or null (cache hit, resumed session without them). */
  readonly slices: SliceHashes | null;
  /** The MD5 was known before this run (cache or session): the content may well be on the service. */
  readonly known: boolean;
}

export async function identify(
  ctx: JobContext,
  source: SourceFile,
  stored: StoredSession | null,
): Promise<HashedIdentity> {
  const path = ctx.item.localPath;
  const st = await source.stat();
  if (stored && stored.size === st.size && stored.mtimeMs === st.mtimeMs) {
    const slices = stored.sliceMd5s ? { sliceSize: stored.sliceSize, md5s: stored.sliceMd5s } : null;
    return { size: st.size, mtimeMs: st.mtimeMs, md5: stored.md5, slices, known: true };
  }
  const cached = ctx.journal.cachedHash(path, st.size, st.mtimeMs);
  if (cached) return { size: st.size, mtimeMs: st.mtimeMs, md5: cached, slices: null, known: true };
  ctx.setPhase('hashing');
  const sliceSize = ctx.uploadLanes.sliceSize;
  let md5: string;
  let slices: SliceHashes;
  if (st.size <= sliceSize) {
    // One slice at most: its MD5 is the file's.
    md5 = await ctx.hasher.md5(path, undefined, ctx.signal);
    slices = { sliceSize, md5s: st.size > 0 ? [md5] : [] };
  } else {
    const hashed = await ctx.hasher.hashFile(path, sliceSize, ctx.signal);
    md5 = hashed.md5;
    slices = { sliceSize, md5s: hashed.sliceMd5s };
  }
  const after = await source.stat();
  if (after.size !== st.size || after.mtimeMs !== st.mtimeMs) throw new FileChangedError();
  ctx.journal.cacheHash(path, st.size, st.mtimeMs, md5);
  return { size: st.size, mtimeMs: st.mtimeMs, md5, slices, known: false };
}

/**
 * The slice MD5s for a session whose slices are `sliceSize` bytes, when those read with the
 * file fit it: the same size, or a file that is one slice either way.
 */
export function sliceMd5sFor(id: HashedIdentity, sliceSize: number): readonly string[] | undefined {
  const slices = id.slices;
  if (slices === null) return undefined;
  const oneSliceBothWays = id.size <= sliceSize && id.size <= slices.sliceSize;
  return slices.sliceSize === sliceSize || oneSliceBothWays ? slices.md5s : undefined;
}

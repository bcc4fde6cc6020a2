/**
 * Download of one remote file: pre-allocated `.part` beside the target → missing segments →
 * MD5 verified against the listing's etag → atomic rename to a name chosen by the conflict
 * policy. The chosen final path is journaled before the rename, so a crash between the two is
 * recognised on restart. Disk errors fail the item; finished segments stay for a retry.
 */
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Job, JobContext, JobOutcome } from '../job-context';
import { exists } from '../local-fs';
import { DriveError } from '../ports';
import { withRetry } from '../retry';
import type { OrderedHasher } from '../util/hash-workers';
import { numberedName, partFileName } from '../util/safe-name';
import { createSegmentLedger } from './segment-ledger';
import { downloadMissingSegments } from './segments';
import { createUrlSource } from './url-source';

/** Finished segments are journaled together once this many bytes piled up. */
const LEDGER_BATCH_BYTES = 64 * 1024 * 1024;
/** From this size on the MD5 is computed in a worker while downloading, not in a pass after. */
const HASH_WHILE_DOWNLOADING_BYTES = 32 * 1024 * 1024;

function partPathOf(ctx: JobContext): string {
  return join(dirname(ctx.item.localPath), partFileName(basename(ctx.item.localPath), ctx.item.id));
}

/** Opens the .part file, creating and pre-allocating it when missing (forgetting stale segments). */
async function openPart(ctx: JobContext, path: string, size: number): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await ctx.fs.open(path, 'r+');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    ctx.journal.clearParts(ctx.item.id);
    handle = await ctx.fs.open(path, 'w+');
  }
  try {
    if ((await handle.stat()).size !== size) await handle.truncate(size);
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

async function chooseTarget(ctx: JobContext): Promise<string | null> {
  const target = ctx.item.localPath;
  if (!(await exists(ctx.fs, target))) return target;
  if (ctx.item.conflict === 'overwrite') return target;
  if (ctx.item.conflict === 'skip') return null;
  const dir = dirname(target);
  for (let n = 1; ; n++) {
    const candidate = join(dir, numberedName(basename(target), n));
    if (!(await exists(ctx.fs, candidate))) return candidate;
  }
}

/** True when the bytes match the etag; a mismatching part is deleted and its segments forgotten. */
async function verify(ctx: JobContext, partPath: string, hasher: OrderedHasher | null): Promise<boolean> {
  const expected = ctx.item.etag?.toLowerCase();
  if (!expected) return true;
  ctx.setPhase('verifying');
  const actual = hasher
    ? await hasher.digest(ctx.item.size)
    : await ctx.hasher.md5(partPath, undefined, ctx.signal);
  if (actual === expected) return true;
  await ctx.fs.unlink(partPath).catch(() => undefined);
  ctx.journal.clearParts(ctx.item.id);
  return false;
}

/** Downloads what is missing into the part file and verifies it; true when the bytes are right. */
async function downloadAndVerify(ctx: JobContext, fileId: number, partPath: string): Promise<boolean> {
  ctx.setPhase('downloading');
  const handle = await openPart(ctx, partPath, ctx.item.size);
  const hashing = ctx.item.etag !== null && ctx.item.size >= HASH_WHILE_DOWNLOADING_BYTES;
  const hasher = hashing ? ctx.hasher.ordered(partPath) : null;
  try {
    try {
      const plan = { size: ctx.item.size, segmentSize: ctx.tuning.segmentSize };
      const ledger = createSegmentLedger(ctx.journal, ctx.item.id, LEDGER_BATCH_BYTES);
      await downloadMissingSegments(ctx, createUrlSource(ctx, fileId), handle, plan, { ledger, hasher });
    } finally {
      await handle.close().catch(() => undefined);
    }
    return await verify(ctx, partPath, hasher);
  } finally {
    hasher?.dispose();
  }
}

async function finish(ctx: JobContext, partPath: string): Promise<JobOutcome> {
  const target = await chooseTarget(ctx);
  if (target === null) {
    await ctx.fs.unlink(partPath).catch(() => undefined);
    ctx.journal.clearParts(ctx.item.id);
    return { state: 'skipped' };
  }
  ctx.update({ finalPath: target });
  await ctx.fs.rename(partPath, target);
  ctx.journal.clearParts(ctx.item.id);
  return { state: 'completed', patch: { localPath: target } };
}

/** After a crash between rename and journal: the part is gone and the final file is there. */
async function alreadyRenamed(ctx: JobContext, partPath: string): Promise<boolean> {
  const final = ctx.item.finalPath;
  if (!final || (await exists(ctx.fs, partPath))) return false;
  try {
    return (await ctx.fs.stat(final)).size === ctx.item.size;
  } catch {
    return false;
  }
}

export const downloadFileJob: Job = async (ctx) => {
  const fileId = ctx.item.remoteFileId;
  if (fileId === null) throw new DriveError('not_found', 'The item has no remote file to download.');
  if (ctx.item.etag === null) {
    const info = await withRetry(ctx, 'downloading', () => ctx.backend.fileInfo(fileId, ctx.signal));
    ctx.update({ size: info.size, etag: info.etag || null });
  }
  const partPath = partPathOf(ctx);
  if (await alreadyRenamed(ctx, partPath))
    return { state: 'completed', patch: { localPath: ctx.item.finalPath ?? ctx.item.localPath } };
  if (
    ctx.item.conflict === 'skip' &&
    !(await exists(ctx.fs, partPath)) &&
    (await exists(ctx.fs, ctx.item.localPath))
  )
    return { state: 'skipped' };
  await ctx.fs.mkdir(dirname(ctx.item.localPath), { recursive: true });
  // A mismatch after a resume can be bytes an OS crash lost (see segment-ledger): one fresh
  // download from scratch; a second mismatch means the service's bytes are wrong.
  for (let attempt = 1; !(await downloadAndVerify(ctx, fileId, partPath)); attempt++) {
    if (attempt >= 2)
      throw new DriveError(
        'checksum_mismatch',
        'The downloaded file does not match its checksum, twice; retry to download it again.',
      );
  }
  return finish(ctx, partPath);
};

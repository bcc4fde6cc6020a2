/**
 * Download of one remote file: the item's own `.part` file beside the target → missing segments
 * → MD5 verified against the listing's etag → put in place by the conflict policy, proven to be
 * the verified file (place-file). Disk errors fail the item; finished segments stay for a retry.
 *
 * When the bytes do not match, the file's info is read again: a cloud file that changed since
 * the download was queued fails the item with words saying so, and its new size and MD5 are
 * journaled, so a retry downloads the current version.
 */
import { dirname } from 'node:path';
import type { Job, JobContext, JobOutcome } from '../job-context';
import { RemoteChangedError } from '../job-context';
import { DriveError } from '../ports';
import { HttpStatusError, withRetry } from '../retry';
import type { OrderedHasher } from '../util/hash-workers';
import type { FileIdentity } from './part-file';
import { openPart, partPathOf } from './part-file';
import { PlacedFileMismatch, placeFile, recoverPlaced, skipBeforeStart } from './place-file';
import { createSegmentLedger } from './segment-ledger';
import { downloadMissingSegments } from './segments';
import { createUrlSource } from './url-source';

/** From this size on the MD5 is computed in a worker while downloading, not in a pass after. */
const HASH_WHILE_DOWNLOADING_BYTES = 32 * 1024 * 1024;

/** The part's bytes do not match the expected MD5 (the part is already deleted). */
class PartMismatch extends Error {}

/** Deletes the part and forgets its segments: the next attempt starts from scratch. */
async function dropPart(ctx: JobContext, partPath: string): Promise<void> {
  await ctx.fs.unlink(partPath).catch(() => undefined);
  ctx.journal.clearParts(ctx.item.id);
  ctx.restartProgress(0);
}

/** Downloads what is missing into the part file and checks its MD5; returns the part's identity. */
async function downloadAndVerify(ctx: JobContext, fileId: number, partPath: string): Promise<FileIdentity> {
  ctx.setPhase('downloading');
  const part = await openPart(ctx, partPath, ctx.item.size);
  const hashing = ctx.item.etag !== null && ctx.item.size >= HASH_WHILE_DOWNLOADING_BYTES;
  const hasher: OrderedHasher | null = hashing ? ctx.hasher.ordered(partPath) : null;
  try {
    try {
      const plan = { size: ctx.item.size, segmentSize: ctx.tuning.segmentSize };
      const ledger = createSegmentLedger(ctx.journal, ctx.item.id, {
        clock: ctx.clock,
        intervalMs: ctx.tuning.journalIntervalMs,
        batchBytes: ctx.tuning.journalBatchBytes,
      });
      await downloadMissingSegments(ctx, createUrlSource(ctx, fileId), part.handle, plan, { ledger, hasher });
    } finally {
      await part.handle.close().catch(() => undefined);
    }
    const expected = ctx.item.etag?.toLowerCase();
    if (!expected) return part.identity;
    ctx.setPhase('verifying');
    const actual = hasher
      ? await hasher.digest(ctx.item.size, ctx.signal)
      : await ctx.hasher.md5(partPath, undefined, ctx.signal);
    if (actual === expected) return part.identity;
    await dropPart(ctx, partPath);
    throw new PartMismatch();
  } finally {
    hasher?.dispose();
  }
}

/** Re-reads the cloud file's info; true (with the new info journaled) when it changed. */
async function remoteChanged(ctx: JobContext, fileId: number): Promise<boolean> {
  const info = await withRetry(ctx, 'verifying', (onWait) =>
    ctx.backend.fileInfo(fileId, ctx.signal, onWait),
  );
  const etag = info.etag.toLowerCase() || null;
  if (info.size === ctx.item.size && etag === (ctx.item.etag?.toLowerCase() ?? null)) return false;
  ctx.update({ size: info.size, etag });
  return true;
}

/** Failures after which the cloud file may simply have changed since the item was queued. */
function mayMeanChanged(error: unknown): boolean {
  if (error instanceof PartMismatch) return true;
  return error instanceof HttpStatusError && (error.status === 404 || error.status === 416);
}

async function finish(ctx: JobContext, partPath: string, identity: FileIdentity): Promise<JobOutcome> {
  const placed = await placeFile(ctx, partPath, identity);
  ctx.journal.clearParts(ctx.item.id);
  if (placed === null) return { state: 'skipped' };
  return { state: 'completed', patch: { localPath: placed } };
}

export const downloadFileJob: Job = async (ctx) => {
  const fileId = ctx.item.remoteFileId;
  if (fileId === null) throw new DriveError('not_found', 'The item has no remote file to download.');
  if (ctx.item.etag === null) {
    const info = await withRetry(ctx, 'downloading', (onWait) =>
      ctx.backend.fileInfo(fileId, ctx.signal, onWait),
    );
    ctx.update({ size: info.size, etag: info.etag || null });
  }
  const partPath = partPathOf(ctx);
  if (await recoverPlaced(ctx, partPath))
    return { state: 'completed', patch: { localPath: ctx.item.finalPath ?? ctx.item.localPath } };
  if (await skipBeforeStart(ctx, partPath)) return { state: 'skipped' };
  await ctx.fs.mkdir(dirname(ctx.item.localPath), { recursive: true });
  // A mismatch after a resume can be bytes an OS crash lost (see segment-ledger), or a part
  // replaced before it was put in place: one fresh download from scratch; a second mismatch of
  // an unchanged cloud file means the service's bytes are wrong.
  for (let attempt = 1; ; attempt++) {
    try {
      return await finish(ctx, partPath, await downloadAndVerify(ctx, fileId, partPath));
    } catch (error) {
      if (!mayMeanChanged(error) && !(error instanceof PlacedFileMismatch)) throw error;
      if (mayMeanChanged(error) && (await remoteChanged(ctx, fileId))) {
        await dropPart(ctx, partPath);
        throw new RemoteChangedError();
      }
      if (error instanceof HttpStatusError) throw error;
      if (error instanceof PlacedFileMismatch) await dropPart(ctx, partPath);
      if (attempt >= 2)
        throw new DriveError(
          'checksum_mismatch',
          'The downloaded file does not match its checksum, twice; retry to download it again.',
        );
    }
  }
};

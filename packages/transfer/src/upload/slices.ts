/**
 * Sends the slices the server has not acknowledged yet, several at once. Each slice is a lazy
 * file-backed Blob (never the whole file in memory); its MD5 is computed by streaming it, and
 * a slice the server rejects is re-read and re-hashed. Acknowledged slices are journaled.
 */
import { openAsBlob } from 'node:fs';
import type { JobContext } from '../job-context';
import { FileChangedError } from '../job-context';
import { DriveError } from '../ports';
import { withRetry } from '../retry';
import { md5File } from '../util/hash';
import { runPool } from '../util/pool';
import type { StoredSession } from './session';
import { sliceCount, sliceRange } from './session';

const SLICE_REJECT_ATTEMPTS = 3;

/** Throws FileChangedError if the file is no longer the one the session was made for. */
export async function assertUnchanged(
  ctx: JobContext,
  session: { size: number; mtimeMs: number },
): Promise<void> {
  const st = await ctx.fs.stat(ctx.item.localPath);
  if (st.size !== session.size || st.mtimeMs !== session.mtimeMs) throw new FileChangedError();
}

/**
 * Hashes the slice from the file with 1 MiB reads (a Blob's stream reads 64 KiB pieces through
 * web streams, several times slower). A change after this read is still caught: the Blob that
 * is sent refuses to read once the file was modified, and the server checks the MD5.
 */
async function hashSlice(ctx: JobContext, range: { start: number; end: number }): Promise<string> {
  return md5File(ctx.item.localPath, range, ctx.signal);
}

async function sendSlice(ctx: JobContext, session: StoredSession, file: Blob, no: number): Promise<number> {
  const { start, end } = sliceRange(no, session.size, session.sliceSize);
  for (let attempt = 1; ; attempt++) {
    await assertUnchanged(ctx, session);
    const md5 = await hashSlice(ctx, { start, end });
    const body = file.slice(start, end);
    await ctx.limiter.take(end - start, ctx.signal);
    try {
      await withRetry(ctx, 'uploading', () =>
        ctx.backend.uploadSlice(session, { sliceNo: no, md5, body }, ctx.signal),
      );
      return end - start;
    } catch (error) {
      const rejected = error instanceof DriveError && error.kind === 'slice_rejected';
      if (!rejected || attempt >= SLICE_REJECT_ATTEMPTS) throw error;
    }
  }
}

/** Uploads every slice not yet in the journal; resolves when all are acknowledged. */
export async function uploadMissingSlices(ctx: JobContext, session: StoredSession): Promise<void> {
  const count = sliceCount(session.size, session.sliceSize);
  const acked = ctx.journal.parts(ctx.item.id);
  const missing: number[] = [];
  let done = 0;
  for (let no = 1; no <= count; no++) {
    const { start, end } = sliceRange(no, session.size, session.sliceSize);
    if (acked.has(no)) done += end - start;
    else missing.push(no);
  }
  ctx.progress(done);
  if (missing.length === 0) return;
  const file = await openAsBlob(ctx.item.localPath);
  await runPool(
    Math.min(ctx.limits().slicesPerFile, missing.length),
    missing,
    ctx.signal,
    async (no, signal) => {
      const bytes = await sendSlice({ ...ctx, signal }, session, file, no);
      ctx.journal.addPart(ctx.item.id, no);
      done += bytes;
      ctx.progress(done);
    },
  );
}

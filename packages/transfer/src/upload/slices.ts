/**
 * Sends the slices the server has not acknowledged yet, several at once. A slice's MD5 is
 * computed in a hashing worker from the file, then its bytes are read piece by piece as the
 * request goes out (never a whole slice in memory). A slice the server rejects is hashed and
 * read again. Acknowledged slices are journaled.
 */
import type { FileHandle } from 'node:fs/promises';
import type { JobContext } from '../job-context';
import { FileChangedError } from '../job-context';
import { DriveError } from '../ports';
import type { SliceBytes } from '../ports';
import { withRetry } from '../retry';
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

/** The slice [start, end) of the open file, read piece by piece; a short file is a changed file. */
function sliceBytes(handle: FileHandle, start: number, end: number): SliceBytes {
  return {
    size: end - start,
    async read(into, offset) {
      const from = start + offset;
      for (let done = 0; done < into.byteLength;) {
        const { bytesRead } = await handle.read(into, done, into.byteLength - done, from + done);
        if (bytesRead === 0) throw new FileChangedError();
        done += bytesRead;
      }
    },
  };
}

async function sendSlice(
  ctx: JobContext,
  session: StoredSession,
  handle: FileHandle,
  no: number,
): Promise<number> {
  const { start, end } = sliceRange(no, session.size, session.sliceSize);
  for (let attempt = 1; ; attempt++) {
    await assertUnchanged(ctx, session);
    const md5 = await ctx.hasher.md5(ctx.item.localPath, { start, end }, ctx.signal);
    await ctx.limiter.take(end - start, ctx.signal);
    try {
      await withRetry(ctx, 'uploading', () =>
        ctx.backend.uploadSlice(
          session,
          { sliceNo: no, md5, body: sliceBytes(handle, start, end) },
          ctx.signal,
        ),
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
  const handle = await ctx.fs.open(ctx.item.localPath, 'r');
  try {
    await runPool(
      Math.min(ctx.limits().slicesPerFile, missing.length),
      missing,
      ctx.signal,
      async (no, signal) => {
        const bytes = await sendSlice({ ...ctx, signal }, session, handle, no);
        ctx.journal.addPart(ctx.item.id, no);
        done += bytes;
        ctx.progress(done);
      },
    );
  } finally {
    await handle.close().catch(() => undefined);
  }
  // A change during the last reads would otherwise surface only as the service's MD5 refusal.
  await assertUnchanged(ctx, session);
}

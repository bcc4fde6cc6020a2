/**
 * Sends the slices the server has not acknowledged yet, several at once. A slice's MD5 is
 * computed in a hashing worker from the file, then its bytes are read piece by piece as the
 * request goes out (never a whole slice in memory). A slice the server rejects is hashed and
 * read again. Each acknowledged slice is journaled before it counts as done, so a crash costs
 * at most the slices in flight.
 */
import type { JobContext } from '../job-context';
import { DriveError } from '../ports';
import { withRetry } from '../retry';
import { runPool } from '../util/pool';
import type { StoredSession } from './session';
import { sliceCount, sliceRange } from './session';
import type { SourceFile } from './source-file';
import { assertUnchanged } from './source-file';

const SLICE_REJECT_ATTEMPTS = 3;

async function sendSlice(
  ctx: JobContext,
  session: StoredSession,
  source: SourceFile,
  no: number,
  sent: (bytes: number) => void,
): Promise<number> {
  const { start, end } = sliceRange(no, session.size, session.sliceSize);
  for (let attempt = 1; ; attempt++) {
    await assertUnchanged(source, session);
    const md5 = await ctx.hasher.md5(ctx.item.localPath, { start, end }, ctx.signal);
    await ctx.limiter.take(end - start, ctx.signal);
    try {
      await withRetry(ctx, 'uploading', (onWait) => {
        sent(0);
        const body = { ...source.bytes(start, end), sent };
        return ctx.backend.uploadSlice(session, { sliceNo: no, md5, body }, ctx.signal, onWait);
      });
      return end - start;
    } catch (error) {
      const rejected = error instanceof DriveError && error.kind === 'slice_rejected';
      if (!rejected || attempt >= SLICE_REJECT_ATTEMPTS) throw error;
    }
  }
}

/** Uploads every slice not yet in the journal; resolves when all are acknowledged. */
export async function uploadMissingSlices(
  ctx: JobContext,
  session: StoredSession,
  source: SourceFile,
): Promise<void> {
  const count = sliceCount(session.size, session.sliceSize);
  const acked = ctx.journal.parts(ctx.item.id);
  const missing: number[] = [];
  let done = 0;
  for (let no = 1; no <= count; no++) {
    const { start, end } = sliceRange(no, session.size, session.sliceSize);
    if (acked.has(no)) done += end - start;
    else missing.push(no);
  }
  /** Bytes of each slice in flight that its request has sent so far. */
  const inFlight = new Map<number, number>();
  const report = (): void => {
    let sending = 0;
    for (const bytes of inFlight.values()) sending += bytes;
    ctx.progress(done + sending);
  };
  report();
  if (missing.length === 0) return;
  await runPool(
    Math.min(ctx.limits().slicesPerFile, missing.length),
    missing,
    ctx.signal,
    async (no, signal) => {
      const sent = (bytes: number): void => {
        inFlight.set(no, bytes);
        report();
      };
      const bytes = await sendSlice({ ...ctx, signal }, session, source, no, sent);
      ctx.journal.addPart(ctx.item.id, no);
      inFlight.delete(no);
      done += bytes;
      report();
    },
  );
  // A change during the last reads would otherwise surface only as the service's MD5 refusal.
  await assertUnchanged(source, session);
}

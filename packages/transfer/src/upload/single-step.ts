/**
 * Upload of a small file in one request (single step): no session, no slices, no completion
 * polling. The request's outcome can be unknown (crash, lost answer), and repeating it could
 * leave a second copy, so `createAttempted` is journaled durably before each attempt and the
 * folder is looked at (before-create) before sending again.
 */
import type { JobContext, JobOutcome } from '../job-context';
import { doneWaiting, isTransient, showWaiting, waitToRetry } from '../retry';
import type { Identity } from './before-create';
import { lookBeforeCreate } from './before-create';
import { inLane } from './lanes';
import type { SourceFile } from './source-file';
import { assertUnchanged } from './source-file';
import { duplicateMode } from './session';

/** One attempt: the outcome, or the transient failure to wait on before the next attempt. */
type Attempt = { outcome: JobOutcome } | { retry: unknown };

/** Looks at the folder when needed, then sends the file in one request. */
async function attemptOnce(
  ctx: JobContext,
  id: Identity,
  source: SourceFile,
  attempt: number,
): Promise<Attempt> {
  ctx.setPhase('creating');
  const early = await lookBeforeCreate(ctx, id);
  if (early) return { outcome: early };
  await assertUnchanged(source, id);
  ctx.update({ createAttempted: true, sessionJson: null });
  ctx.setPhase('uploading');
  await ctx.limiter.take(id.size, ctx.signal);
  const request = {
    parentId: ctx.item.remoteParentId ?? 0,
    name: ctx.item.name,
    md5: id.md5,
    size: id.size,
    duplicate: duplicateMode(ctx.item.conflict),
  };
  try {
    const body = { ...source.bytes(0, id.size), sent: (bytes: number) => ctx.progress(bytes) };
    const { fileId } = await ctx.backend.uploadSingle(request, body, ctx.signal, (wait) =>
      showWaiting(ctx, wait.reason),
    );
    if (attempt > 0 || ctx.item.errorCode !== null) doneWaiting(ctx, 'uploading');
    return { outcome: { state: 'completed', patch: { remoteFileId: fileId } } };
  } catch (error) {
    if (ctx.signal.aborted || !isTransient(error)) throw error;
    ctx.progress(0);
    return { retry: error };
  }
}

export async function uploadSingleStep(
  ctx: JobContext,
  id: Identity,
  source: SourceFile,
): Promise<JobOutcome> {
  for (let attempt = 0; ; attempt++) {
    // Counted in the single-step lane from the start (synchronously), so files deciding next
    // see it busy; the wait before a retry is not.
    const result = await inLane(ctx.uploadLanes, 'single', () => attemptOnce(ctx, id, source, attempt));
    if ('outcome' in result) return result.outcome;
    await waitToRetry(ctx, attempt, result.retry);
  }
}

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
import type { SourceFile } from './source-file';
import { assertUnchanged } from './source-file';
import { duplicateMode } from './session';

export async function uploadSingleStep(
  ctx: JobContext,
  id: Identity,
  source: SourceFile,
): Promise<JobOutcome> {
  for (let attempt = 0; ; attempt++) {
    ctx.setPhase('creating');
    const early = await lookBeforeCreate(ctx, id);
    if (early) return early;
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
      return { state: 'completed', patch: { remoteFileId: fileId } };
    } catch (error) {
      if (ctx.signal.aborted || !isTransient(error)) throw error;
      ctx.progress(0);
      await waitToRetry(ctx, attempt, error);
    }
  }
}

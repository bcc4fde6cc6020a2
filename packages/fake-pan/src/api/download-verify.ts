/**
 * "File is being verified" right after an upload (reference §1.4 code 20103, §8.1 [S]):
 * `download_info` answers 20103 for the first `downloadInfo20103Polls` calls on a file that an
 * upload (any flow, rapid included) has just produced. The count is taken from the live fault
 * when the upload finishes. Kept in memory per emulator: a restart forgets pending verifications.
 */
import type { FakePanContext } from '../http/context';

const pendingByContext = new WeakMap<FakePanContext, Map<number, number>>();

function pendingOf(ctx: FakePanContext): Map<number, number> {
  let pending = pendingByContext.get(ctx);
  if (!pending) pendingByContext.set(ctx, (pending = new Map()));
  return pending;
}

/** Called by every upload flow when a file node got new content. */
export function markUploaded(ctx: FakePanContext, fileId: number): void {
  const polls = ctx.faults.downloadInfo20103Polls;
  if (polls > 0) pendingOf(ctx).set(fileId, polls);
  else pendingOf(ctx).delete(fileId);
}

/** True when this download_info call must answer 20103; consumes one pending answer. */
export function takeVerifyingAnswer(ctx: FakePanContext, fileId: number): boolean {
  const pending = pendingOf(ctx);
  const left = pending.get(fileId) ?? 0;
  if (left <= 0) return false;
  if (left === 1) pending.delete(fileId);
  else pending.set(fileId, left - 1);
  return true;
}

/** Items a folder job enqueues inherit batch, direction, policy and priority from the folder. */
import { newItemId } from './util/item-id';
import type { JobContext } from './job-context';
import type { NewItem } from './journal/journal';

export function childItem(
  ctx: JobContext,
  kind: 'file' | 'folder',
  name: string,
  localPath: string,
  remoteParentId: number | null,
  extra: Partial<NewItem> = {},
): NewItem {
  const now = ctx.clock.now();
  const parent = ctx.item;
  return {
    id: newItemId(),
    batchId: parent.batchId,
    parentItemId: parent.id,
    dedupKey: `${parent.id}|${extra.remoteFileId ?? name}`,
    direction: parent.direction,
    kind,
    name,
    localPath,
    remoteParentId,
    remoteFileId: null,
    size: 0,
    etag: null,
    bytesDone: 0,
    state: 'queued',
    pauseReason: null,
    errorCode: null,
    errorMessage: null,
    errorRetryable: false,
    conflict: parent.conflict,
    priority: parent.priority,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    sessionJson: null,
    finalPath: null,
    createAttempted: false,
    ...extra,
  };
}

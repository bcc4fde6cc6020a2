/** Items a folder job enqueues inherit batch, direction, policy and priority from the folder. */
import { notStartedFields } from './enqueue';
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
    conflict: parent.conflict,
    priority: parent.priority,
    ...notStartedFields(ctx.clock.now()),
    ...extra,
  };
}

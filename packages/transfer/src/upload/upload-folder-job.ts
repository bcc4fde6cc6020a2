/**
 * Upload of a local folder, walked lazily: the remote folder is created once (cached per
 * batch in the journal), then each entry is enqueued as it is found, files as file items and
 * subfolders as folder items that walk themselves. Empty folders are therefore kept. Walking
 * again after a restart enqueues nothing twice (dedup key = parent item + entry name).
 * Symbolic links and special files are not followed.
 */
import { join } from 'node:path';
import type { Job, JobContext } from '../job-context';
import type { NewItem } from '../journal/journal';
import { childItem } from '../child-item';
import { withRetry } from '../retry';

const BATCH = 200;

async function remoteFolderId(ctx: JobContext): Promise<number> {
  const { batchId, name } = ctx.item;
  const parentId = ctx.item.remoteParentId ?? 0;
  const cached = ctx.journal.cachedFolder(batchId, parentId, name);
  if (cached !== undefined) return cached;
  const id = await withRetry(ctx, 'scanning', (onWait) =>
    ctx.backend.ensureFolder(parentId, name, ctx.signal, onWait),
  );
  ctx.journal.cacheFolder(batchId, parentId, name, id);
  return id;
}

export const uploadFolderJob: Job = async (ctx) => {
  ctx.setPhase('scanning');
  const folderId = await remoteFolderId(ctx);
  ctx.update({ remoteFileId: folderId });
  const dir = await ctx.fs.opendir(ctx.item.localPath);
  let pending: NewItem[] = [];
  for await (const entry of dir) {
    ctx.signal.throwIfAborted();
    const path = join(ctx.item.localPath, entry.name);
    if (entry.isFile()) pending.push(childItem(ctx, 'file', entry.name, path, folderId));
    else if (entry.isDirectory()) pending.push(childItem(ctx, 'folder', entry.name, path, folderId));
    if (pending.length >= BATCH) {
      ctx.enqueue(pending);
      pending = [];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  ctx.enqueue(pending);
  return { state: 'completed' };
};

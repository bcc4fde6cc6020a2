/**
 * Download of a remote folder with its structure: the local folder is created (an existing
 * one is merged into), then children are enqueued page by page as the listing arrives. Local
 * names are made safe, distinct among the folder's children (two remote names that clean up to
 * the same local name get `name (1).ext`; the listing's order is stable, so a walk after a
 * restart names them alike), and every path is proven to stay inside the destination.
 */
import type { Job } from '../job-context';
import type { NewItem } from '../journal/journal';
import { DriveError } from '../ports';
import { withRetry } from '../retry';
import { childItem } from '../child-item';
import { createNameAllocator, resolveInside, safeLocalName } from '../util/safe-name';

export const downloadFolderJob: Job = async (ctx) => {
  const folderId = ctx.item.remoteFileId;
  if (folderId === null) throw new DriveError('not_found', 'The item has no remote folder to download.');
  ctx.setPhase('scanning');
  await ctx.fs.mkdir(ctx.item.localPath, { recursive: true });
  await withRetry(ctx, 'scanning', async (onWait) => {
    const localName = createNameAllocator();
    for await (const page of ctx.backend.listChildren(folderId, ctx.signal, onWait)) {
      const items: NewItem[] = page.map((entry) => {
        const local = resolveInside(ctx.item.localPath, localName(safeLocalName(entry.name)));
        const extra = {
          remoteFileId: entry.fileId,
          size: entry.type === 'file' ? entry.size : 0,
          etag: entry.etag || null,
        };
        return childItem(ctx, entry.type === 'file' ? 'file' : 'folder', entry.name, local, folderId, extra);
      });
      ctx.enqueue(items);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  return { state: 'completed' };
};

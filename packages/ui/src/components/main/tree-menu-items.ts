import type { TFunction } from 'i18next';
import type { FileEntry, FileId } from '@pandesk/contract';
import type { AppContextValue } from '../../context';
import type { MenuItem } from './context-menu';

/** The tree's folder as the list's actions take it (they need only id, name and parent). */
function asEntry(ctx: AppContextValue, id: FileId): FileEntry | null {
  const node = ctx.tree.getState().nodes.get(id);
  if (!node || node.parentId === null) return null;
  return {
    id,
    name: node.name,
    parentId: node.parentId,
    kind: 'folder',
    size: 0,
    md5: null,
    category: 'other',
    createdAt: 0,
    modifiedAt: 0,
    blocked: false,
  };
}

/** Right-click on a folder of the sidebar tree: open it, make a folder in it, refresh, move, delete. */
export function treeMenuItems(ctx: AppContextValue, t: TFunction, folderId: FileId): MenuItem[] {
  const open = (): void => {
    ctx.tree.getState().focus(folderId);
    ctx.browser.getState().navigate({ kind: 'folder', folderId });
  };
  const entry = asEntry(ctx, folderId);
  const items: MenuItem[] = [
    { label: t('menu.open'), run: open },
    {
      label: t('toolbar.newFolder'),
      run: () => {
        open();
        ctx.ui.getState().openDialog({ kind: 'new-folder' });
      },
    },
    {
      label: t('toolbar.refresh'),
      run: () => {
        void ctx.tree.getState().reload([folderId]);
        const here = ctx.browser.getState().location;
        if (here.kind === 'folder' && here.folderId === folderId) ctx.browser.getState().refresh();
      },
    },
  ];
  if (entry !== null) {
    items.push({
      label: t('toolbar.move'),
      run: () => ctx.ui.getState().openDialog({ kind: 'move', ids: [folderId] }),
    });
    // A tree folder is live: to the recycle bin, whatever the list shows.
    items.push({
      label: t('toolbar.delete'),
      run: () => ctx.ui.getState().openDialog({ kind: 'confirm-trash', entries: [entry] }),
    });
  }
  return items;
}

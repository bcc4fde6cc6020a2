import type { TFunction } from 'i18next';
import type { FileEntry, FileId } from '@pandesk/contract';
import { MAX_SHARE_ITEMS } from '@pandesk/contract';
import type { AppContextValue } from '../../context';

/** A context-menu entry (same shape as the menu's own). */
export interface CloudMenuItem {
  label: string;
  run(): void;
  disabled?: boolean;
}

/**
 * Share and direct-link entries for the selection: Share… for 1 to 100 items; for one folder,
 * enable or disable direct links; for one file inside a folder with direct links, Copy direct
 * link. Accounts without VIP or developer benefits see one disabled entry that says why.
 */
export function selectionCloudItems(
  ctx: AppContextValue,
  t: TFunction,
  entries: readonly FileEntry[],
): CloudMenuItem[] {
  const { ui, actions } = ctx;
  const items: CloudMenuItem[] = [
    {
      label: t('share.menu'),
      run: () => ui.getState().openDialog({ kind: 'share', entries }),
      disabled: entries.length === 0 || entries.length > MAX_SHARE_ITEMS,
    },
  ];
  const only = entries.length === 1 ? entries[0] : undefined;
  if (only === undefined) return items;
  if (!actions.hasDirectLinkBenefit()) {
    items.push({ label: t('directLink.needsBenefit'), run: () => undefined, disabled: true });
  } else if (only.kind === 'folder') {
    const on = actions.isDirectLinkFolder(only.id);
    items.push({
      label: t(on ? 'directLink.disable' : 'directLink.enable'),
      run: () => void actions.setDirectLinks(only, !on),
    });
  } else if (actions.inDirectLinkFolder(only)) {
    items.push({ label: t('directLink.copy'), run: () => void actions.copyDirectLink(only) });
  }
  return items;
}

/** Entries for the folder background: Download from URL… into this folder. */
export function folderCloudItems(ctx: AppContextValue, t: TFunction, folderId: FileId): CloudMenuItem[] {
  return [
    {
      label: t('cloudDownload.menu'),
      run: () => ctx.ui.getState().openDialog({ kind: 'cloud-download', folderId }),
    },
  ];
}

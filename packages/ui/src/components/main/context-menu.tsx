import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import { openContainingFolder } from './open-entry';
import { treeMenuItems } from './tree-menu-items';
import { confirmDelete } from './toolbar';
import { folderCloudItems, selectionCloudItems } from './cloud-menu-items';

/**
 * After an action the keyboard goes back to the list, unless the action opened something that
 * took it (a dialog, the rename field).
 */
export function returnFocusToList(ui: ReturnType<typeof useApp>['ui']): void {
  const after = ui.getState();
  if (after.dialog !== null || after.renamingId !== null) return;
  document.querySelector<HTMLElement>('[data-testid="file-grid"]')?.focus();
}

export interface MenuItem {
  label: string;
  run(): void;
  disabled?: boolean;
}

/** Right-click menu for the selection (or the folder background when nothing is selected). */
export function ContextMenu() {
  const { t } = useTranslation();
  const ctx = useApp();
  const { browser, ui, actions } = ctx;
  const menu = useSlice(ui, (s) => s.contextMenu);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const close = (e: MouseEvent): void => {
      if (!ref.current?.contains(e.target as Node)) ui.getState().openContextMenu(null);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [menu, ui]);

  if (!menu) return null;
  const b = browser.getState();
  const entries = b.selectedEntries();
  const first = entries[0];
  const items: MenuItem[] = [];
  if (menu.treeFolderId !== undefined) {
    items.push(...treeMenuItems(ctx, t, menu.treeFolderId));
  } else if (b.location.kind === 'trash') {
    items.push({
      label: t('toolbar.restore'),
      run: () => void actions.restore(entries.map((e) => e.id)),
      disabled: !first,
    });
    items.push({
      label: t('toolbar.restoreTo'),
      run: () => ui.getState().openDialog({ kind: 'move', ids: entries.map((e) => e.id), restore: true }),
      disabled: !first,
    });
    items.push({
      label: t('toolbar.deleteForever'),
      run: () => confirmDelete(ctx, entries),
      disabled: !first,
    });
  } else if (first) {
    if (entries.length === 1 && (first.kind === 'folder' || actions.canOpenFiles()))
      items.push({ label: t('menu.open'), run: () => void actions.open(first) });
    if (entries.length === 1 && b.location.kind === 'search')
      items.push({ label: t('menu.openLocation'), run: () => openContainingFolder(ctx, first) });
    items.push({ label: t('toolbar.download'), run: () => void actions.download(entries) });
    items.push({ label: t('toolbar.saveTo'), run: () => void actions.saveTo(entries) });
    items.push({
      label: t('toolbar.rename'),
      run: () => ui.getState().startRename(first.id),
      disabled: entries.length !== 1,
    });
    items.push({
      label: t('toolbar.move'),
      run: () => ui.getState().openDialog({ kind: 'move', ids: entries.map((e) => e.id) }),
    });
    items.push({ label: t('toolbar.cut'), run: () => actions.cut(entries.map((e) => e.id)) });
    items.push({ label: t('copyPaste.copy'), run: () => actions.copy(entries) });
    items.push({ label: t('toolbar.delete'), run: () => confirmDelete(ctx, entries) });
    items.push(...selectionCloudItems(ctx, t, entries));
    items.push({
      label: t('properties.menu'),
      run: () => ui.getState().openDialog({ kind: 'properties', entries }),
    });
  } else if (b.location.kind === 'folder') {
    items.push({
      label: t('toolbar.newFolder'),
      run: () => ui.getState().openDialog({ kind: 'new-folder' }),
    });
    items.push({
      label: t('toolbar.uploadFiles'),
      run: () => void actions.pickAndUpload('files'),
      disabled: !actions.canPick(),
    });
    items.push({
      label: t('toolbar.paste'),
      run: () => void actions.paste(),
      disabled: ui.getState().clipboard === null,
    });
    items.push(...folderCloudItems(ctx, t, b.location.folderId));
  }
  if (menu.treeFolderId === undefined) items.push({ label: t('toolbar.refresh'), run: () => b.refresh() });

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={t('menu.label')}
      className="pd-menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={(e) => {
        const all = [
          ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []),
        ];
        const at = all.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'Escape') {
          ui.getState().openContextMenu(null);
          returnFocusToList(ui);
        } else if (e.key === 'ArrowDown') all[(at + 1) % all.length]?.focus();
        else if (e.key === 'ArrowUp') all[(at - 1 + all.length) % all.length]?.focus();
        else return;
        e.preventDefault();
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          disabled={item.disabled}
          onClick={() => {
            ui.getState().openContextMenu(null);
            item.run();
            returnFocusToList(ui);
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { MAX_SHARE_ITEMS } from '@pandesk/contract';
import type { FileEntry } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import type { AppContextValue } from '../../context';
import { togglePreviewPane } from '../preview/focused-entry';

/** Opens the confirmation for deleting the selection (trash, or for good inside the bin). */
export function confirmDelete(ctx: AppContextValue, entries: readonly FileEntry[]): void {
  if (entries.length === 0) return;
  const inTrash = ctx.browser.getState().location.kind === 'trash';
  ctx.ui
    .getState()
    .openDialog(inTrash ? { kind: 'confirm-delete-forever', entries } : { kind: 'confirm-trash', entries });
}

/** List ⇄ grid (pressed: the grid); the choice is the `viewMode` setting, so it is remembered across restarts. */
function ViewToggle() {
  const { t } = useTranslation();
  const { session, bridge } = useApp();
  const grid = useSlice(session, (s) => s.settings?.viewMode === 'grid');
  return (
    <button
      type="button"
      aria-pressed={grid}
      data-testid="view-toggle"
      title={t('toolbar.viewHint')}
      onClick={() => void bridge.settings.update({ viewMode: grid ? 'list' : 'grid' })}
    >
      {t('toolbar.gridView')}
    </button>
  );
}

/** The main actions; each is enabled only where it makes sense for the location and selection. */
export function Toolbar() {
  const { t } = useTranslation();
  const ctx = useApp();
  const { browser, ui, actions } = ctx;
  const kind = useSlice(browser, (s) => s.location.kind);
  const selectedCount = useSlice(browser, (s) => s.selection.selected.size);
  const transfersOpen = useSlice(ui, (s) => s.transfersOpen);
  const paneShown = useSlice(ctx.session, (s) => s.settings?.previewPane === true);
  const refreshing = useSlice(browser, (s) => s.revalidating || s.status === 'loading');
  const selected = (): FileEntry[] => browser.getState().selectedEntries();
  const none = selectedCount === 0;
  const live = kind !== 'trash';
  const button = (label: string, onClick: () => void, disabled = false, testId?: string) => (
    <button type="button" onClick={onClick} disabled={disabled} data-testid={testId}>
      {label}
    </button>
  );
  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="pd-toolbar">
      {kind === 'folder' && (
        <>
          {button(
            t('toolbar.uploadFiles'),
            () => void actions.pickAndUpload('files'),
            !actions.canPick(),
            'upload-files',
          )}
          {button(
            t('toolbar.uploadFolder'),
            () => void actions.pickAndUpload('folder'),
            !actions.canPick(),
            'upload-folder',
          )}
          {button(
            t('toolbar.newFolder'),
            () => ui.getState().openDialog({ kind: 'new-folder' }),
            false,
            'new-folder',
          )}
        </>
      )}
      {live && (
        <>
          {button(t('toolbar.download'), () => void actions.download(selected()), none, 'download')}
          {button(t('toolbar.saveTo'), () => void actions.saveTo(selected()), none, 'save-to')}
          {button(
            t('toolbar.rename'),
            () => ui.getState().startRename(selected()[0]?.id ?? null),
            selectedCount !== 1,
            'rename',
          )}
          {button(
            t('toolbar.move'),
            () => ui.getState().openDialog({ kind: 'move', ids: selected().map((e) => e.id) }),
            none,
            'move',
          )}
          {button(t('toolbar.delete'), () => confirmDelete(ctx, selected()), none, 'delete')}
          {button(
            t('share.menu'),
            () => ui.getState().openDialog({ kind: 'share', entries: selected() }),
            none || selectedCount > MAX_SHARE_ITEMS,
            'share',
          )}
        </>
      )}
      {!live && (
        <>
          {button(
            t('toolbar.restore'),
            () => void actions.restore(selected().map((e) => e.id)),
            none,
            'restore',
          )}
          {button(
            t('toolbar.restoreTo'),
            () => ui.getState().openDialog({ kind: 'move', ids: selected().map((e) => e.id), restore: true }),
            none,
            'restore-to',
          )}
          {button(t('toolbar.deleteForever'), () => confirmDelete(ctx, selected()), none, 'delete-forever')}
        </>
      )}
      <button
        type="button"
        onClick={() => browser.getState().refresh()}
        data-testid="refresh"
        aria-busy={refreshing}
        className={refreshing ? 'is-busy' : undefined}
      >
        {refreshing && <span className="pd-spinner" aria-hidden="true" />}
        {t('toolbar.refresh')}
      </button>
      <span className="pd-spacer" />
      <ViewToggle />
      <button
        type="button"
        aria-pressed={paneShown}
        title={t('preview.paneToggleHint')}
        data-testid="preview-pane-toggle"
        onClick={() => togglePreviewPane(ctx)}
      >
        {t('preview.paneToggle')}
      </button>
      <button
        type="button"
        aria-pressed={transfersOpen}
        onClick={() => ui.getState().setTransfersOpen(!transfersOpen)}
      >
        {t('toolbar.transfers')}
      </button>
      {button(
        t('toolbar.settings'),
        () => ui.getState().openDialog({ kind: 'settings' }),
        false,
        'open-settings',
      )}
    </div>
  );
}

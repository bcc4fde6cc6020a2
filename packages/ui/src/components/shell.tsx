import { useEffect } from 'react';
import { useApp, useSlice } from '../context';
import { useResolvedTheme } from '../hooks/use-theme';
import { AuthBanner } from './auth-banner';
import { Sidebar } from './sidebar/sidebar';
import { NavBar } from './main/nav-bar';
import { Toolbar } from './main/toolbar';
import { FileView } from './main/file-view';
import { TransfersPanel } from './transfers/transfers-panel';
import { StatusBar } from './status-bar';
import { Dialogs } from './dialogs/dialogs';
import { Toasts } from './toasts';
import { ContextMenu } from './main/context-menu';
import { SyncView } from './sync/sync-view';
import { PreviewOverlay } from './preview/preview-overlay';
import { PreviewPane } from './preview/preview-pane';
import { togglePreviewPane } from './preview/focused-entry';

/** The file manager's frame; global shortcuts that work wherever the focus is. */
export function Shell() {
  const ctx = useApp();
  const { session, browser, ui, bridge } = ctx;
  const paneShown = useSlice(session, (s) => s.settings?.previewPane === true);
  const theme = useResolvedTheme(useSlice(session, (s) => s.settings?.theme));
  // Ready once the first listing is in, or at once when there is no drive to list yet (no
  // account, or still connecting): the window never waits for the network.
  const listed = useSlice(browser, (s) => s.status !== 'idle' && s.status !== 'loading');
  const authState = useSlice(session, (s) => s.auth?.state ?? 'none');
  const noDrive = authState === 'auth_required' || authState === 'connecting';
  const ready = listed || noDrive;
  const view = useSlice(ui, (s) => s.view);

  // Going to a folder (tree, breadcrumbs, recycle bin) leaves the Sync view.
  useEffect(
    () =>
      browser.subscribe((s, prev) => {
        if (s.location !== prev.location) ui.getState().setView('files');
      }),
    [browser, ui],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const b = browser.getState();
      if (e.key === 'F5') {
        e.preventDefault();
        b.refresh();
      } else if (e.altKey && e.key === 'ArrowLeft') b.goBack();
      else if (e.altKey && e.key === 'ArrowRight') b.goForward();
      else if (e.altKey && e.key === 'ArrowUp') b.goUp();
      else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus();
      } else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && (e.key === '1' || e.key === '2')) {
        // Finder's view shortcuts: Ctrl/Cmd+1 the grid, Ctrl/Cmd+2 the list.
        e.preventDefault();
        void bridge.settings.update({ viewMode: e.key === '1' ? 'grid' : 'list' });
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP') {
        // By key position: Option+P types a character on macOS.
        e.preventDefault();
        togglePreviewPane(ctx);
      } else if (
        (e.ctrlKey || e.metaKey) &&
        e.shiftKey &&
        e.key.toLowerCase() === 'n' &&
        b.location.kind === 'folder'
      ) {
        e.preventDefault();
        ui.getState().openDialog({ kind: 'new-folder' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [browser, ui, bridge, ctx]);

  return (
    <div
      className="pd-app"
      data-theme={theme}
      data-app-state={ready ? 'ready' : 'loading'}
      data-auth-state={authState}
      data-testid="app"
    >
      <AuthBanner />
      <div className="pd-body">
        <Sidebar />
        <main className="pd-main">
          {view === 'sync' ? (
            <SyncView />
          ) : (
            <>
              <NavBar />
              <Toolbar />
              <div className="pd-list-area">
                <FileView />
                {paneShown && <PreviewPane />}
              </div>
            </>
          )}
          <Toasts />
        </main>
      </div>
      <TransfersPanel />
      <StatusBar />
      <Dialogs />
      <ContextMenu />
      <PreviewOverlay />
    </div>
  );
}

import { TAB_VIEWABLE_EXTENSIONS } from '@pandesk/contract';
import type { FileEntry, TransferItem } from '@pandesk/contract';
import { extensionOf } from '../lib/sort';
import type { ActionDeps } from './deps';
import type { FileActions } from './file-actions';
import type { TransferActions } from './transfer-actions';

/** Opening items: folders in the list, files with the computer's applications or a browser tab. */
export interface OpenActions {
  /**
   * A folder opens in the list. A file opens with its default application (desktop: fetched
   * into the open cache first, unless the cached copy is current), or in a new browser tab by
   * the download method (browser host: types a tab shows; other types are saved).
   */
  open(entry: FileEntry): Promise<void>;
  /** Whether files can be opened here at all (else Open is not offered for files). */
  canOpenFiles(): boolean;
  /** A finished download: `open` with its application, or `reveal` it in the file manager. */
  openDownload(item: TransferItem, how: 'open' | 'reveal'): Promise<void>;
  canOpenDownloads(): boolean;
}

export function createOpenActions(
  deps: ActionDeps,
  files: FileActions,
  transfers: Pick<TransferActions, 'saveTo'>,
): OpenActions {
  const { bridge, host, session, browser, ui } = deps;
  const desktopOpen = (): boolean => session.getState().info?.capabilities.openFiles === true;

  /**
   * The tab is opened at once, inside the click or key press (a tab opened after awaiting the
   * link would be blocked as a pop-up), and pointed at the link when it arrives.
   */
  async function openInTab(entry: FileEntry): Promise<void> {
    const tab = window.open('', '_blank');
    if (tab === null) {
      ui.getState().pushToast({
        kind: 'error',
        text: { key: 'open.tabBlocked', values: { name: entry.name } },
      });
      return;
    }
    // The new tab must not reach back into the app.
    tab.opener = null;
    const link = await bridge.app.downloadLink({ fileId: entry.id, inline: true });
    if (!link.ok) {
      tab.close();
      files.reportError('open', link.error);
      return;
    }
    tab.location.href = new URL(link.value.url, window.location.href).href;
  }

  return {
    async open(entry) {
      if (entry.kind === 'folder') {
        browser.getState().navigate({ kind: 'folder', folderId: entry.id });
        return;
      }
      if (desktopOpen()) {
        const result = await bridge.app.openFile({ fileId: entry.id });
        if (!result.ok) files.reportError('open', result.error, () => void this.open(entry));
        return;
      }
      if (host.browserDownloads === true) {
        // A tab for a type the browser would only save would stay empty: save it directly.
        if (TAB_VIEWABLE_EXTENSIONS.includes(extensionOf(entry.name))) return openInTab(entry);
        return transfers.saveTo([entry]);
      }
      ui.getState().pushToast({ kind: 'error', text: { key: 'open.unavailable' } });
    },
    canOpenFiles: () => desktopOpen() || host.browserDownloads === true,
    async openDownload(item, how) {
      const result = await bridge.app.openDownload({ transferId: item.id, how });
      if (!result.ok) files.reportError('open', result.error);
    },
    canOpenDownloads: desktopOpen,
  };
}

import type { i18n as I18n } from 'i18next';
import type { PanDeskBridge, Unsubscribe } from '@pandesk/contract';
import { createActions } from './actions/actions';
import type { AppContextValue } from './context';
import type { HostAdapter } from './host';
import { createBrowserStore } from './stores/browser-store';
import { createCloudStore } from './stores/cloud-store';
import { createSessionStore } from './stores/session-store';
import { createTransfersStore } from './stores/transfers-store';
import { createTreeStore } from './stores/tree-store';
import { createUiStore } from './stores/ui-store';
import { createSyncStore } from './stores/sync-store';
import { createThumbnailLoader } from './lib/thumbnails/thumbnail-loader';

/** Builds the stores and actions of one mounted app (fresh per app and per test). */
export function createAppContext(bridge: PanDeskBridge, host: HostAdapter, i18n: I18n): AppContextValue {
  const session = createSessionStore(bridge);
  const browser = createBrowserStore(bridge);
  const tree = createTreeStore(bridge, (nodes) => browser.getState().learn(nodes));
  const transfers = createTransfersStore(bridge);
  const ui = createUiStore();
  const sync = createSyncStore(bridge);
  const cloud = createCloudStore(bridge);
  const actions = createActions({ bridge, host, session, browser, tree, transfers, ui, cloud, i18n });
  const thumbnails = createThumbnailLoader(bridge);
  return { bridge, host, session, browser, tree, transfers, ui, cloud, sync, actions, thumbnails };
}

/** Wires the back end's pushes into the stores; returns the unsubscribe. */
export function connectContext(ctx: AppContextValue): Unsubscribe {
  const offs = [
    ctx.session.getState().connect(),
    ctx.transfers.getState().connect(),
    ctx.cloud.getState().connect(),
    ctx.sync.getState().connect(),
    // A changed budget or switch may end a pause: the counts and the pause are read again.
    ctx.bridge.on('settings:changed', () => void ctx.thumbnails.refreshTraffic()),
    ctx.bridge.on('folder:changed', (change) => {
      ctx.browser.getState().onFolderChange(change);
      void ctx.tree.getState().reload(change.folderIds);
      void ctx.session.getState().refreshQuota();
    }),
  ];
  void ctx.thumbnails.refreshTraffic();
  return () => offs.forEach((off) => off());
}

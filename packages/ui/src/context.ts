import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { PanDeskBridge } from '@pandesk/contract';
import type { HostAdapter } from './host';
import type { BrowserStore } from './stores/browser-store';
import type { CloudStore } from './stores/cloud-store';
import type { SessionStore } from './stores/session-store';
import type { TransfersStore } from './stores/transfers-store';
import type { TreeStore } from './stores/tree-store';
import type { UiStore } from './stores/ui-store';
import type { SyncStore } from './stores/sync-store';
import type { Actions } from './actions/actions';
import type { ThumbnailLoader } from './lib/thumbnails/thumbnail-loader';

/** Everything a component may reach: the bridge, the host, the stores and the actions. */
export interface AppContextValue {
  bridge: PanDeskBridge;
  host: HostAdapter;
  session: SessionStore;
  browser: BrowserStore;
  tree: TreeStore;
  transfers: TransfersStore;
  ui: UiStore;
  cloud: CloudStore;
  sync: SyncStore;
  actions: Actions;
  /** Thumbnails of the grid view's tiles, and the traffic they used. */
  thumbnails: ThumbnailLoader;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('PanDesk components must be rendered inside <App>.');
  return value;
}

/** Subscribes a component to a slice of one store. */
export function useSlice<S, T>(store: StoreApi<S>, selector: (state: S) => T): T {
  return useStore(store, selector);
}

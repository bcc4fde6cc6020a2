import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ApiError, PanDeskBridge, SyncPairView, Unsubscribe } from '@pandesk/contract';

/**
 * The Sync view's mirror of the back end's pairs (`sync:changed` carries the whole list), and
 * which of the sync dialogs is open. Intents go straight to the bridge; their errors come back
 * as results for the view to show.
 */
export type SyncDialog =
  | { kind: 'add' }
  | { kind: 'plan'; pairId: string; dryRun: boolean }
  | { kind: 'conflicts'; pairId: string }
  | { kind: 'history'; pairId: string }
  | { kind: 'remove'; pairId: string };

export interface SyncState {
  pairs: readonly SyncPairView[];
  loaded: boolean;
  error: ApiError | null;
  dialog: SyncDialog | null;
  open(dialog: SyncDialog | null): void;
  load(): Promise<void>;
  connect(): Unsubscribe;
}

export type SyncStore = StoreApi<SyncState>;

export function createSyncStore(bridge: PanDeskBridge): SyncStore {
  return createStore<SyncState>()((set) => ({
    pairs: [],
    loaded: false,
    error: null,
    dialog: null,
    open: (dialog) => set({ dialog }),
    async load() {
      const result = await bridge.sync.list();
      if (result.ok) set({ pairs: result.value, loaded: true, error: null });
      else set({ loaded: true, error: result.error });
    },
    connect: () => bridge.on('sync:changed', (change) => set({ pairs: change.pairs, loaded: true })),
  }));
}

import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { CloudTask, DirectLinkStatus, PanDeskBridge, Unsubscribe } from '@pandesk/contract';

/**
 * The renderer's mirror of the back end's cloud side: the recent cloud tasks (cloud downloads
 * and copies, from `cloud:changed`), what it knows about direct links (folders enabled, whether
 * links are signed), and whether the transfers panel shows the cloud tasks.
 */
export interface CloudState {
  tasks: readonly CloudTask[];
  directLinks: DirectLinkStatus | null;
  /** The transfers panel shows the cloud tasks instead of the transfer queue. */
  showTasks: boolean;
  setShowTasks(on: boolean): void;
  setDirectLinks(status: DirectLinkStatus): void;
  refreshDirectLinks(): Promise<void>;
  load(): Promise<void>;
  /** Subscribes to the back end's pushes and loads once; returns the unsubscribe. */
  connect(): Unsubscribe;
}

export type CloudStore = StoreApi<CloudState>;

export function createCloudStore(bridge: PanDeskBridge): CloudStore {
  return createStore<CloudState>()((set, get) => ({
    tasks: [],
    directLinks: null,
    showTasks: false,
    setShowTasks: (showTasks) => set({ showTasks }),
    setDirectLinks: (directLinks) => set({ directLinks }),
    async refreshDirectLinks() {
      const status = await bridge.directLinks.status();
      if (status.ok) set({ directLinks: status.value });
    },
    async load() {
      const tasks = await bridge.cloud.tasks();
      if (tasks.ok) set({ tasks: tasks.value });
      await get().refreshDirectLinks();
    },
    connect() {
      const offs = [
        bridge.on('cloud:changed', (snapshot) => set({ tasks: snapshot.tasks })),
        // Another drive (or account) may have other folders with direct links.
        bridge.on('auth:changed', () => void get().refreshDirectLinks()),
      ];
      void get().load();
      return () => offs.forEach((off) => off());
    },
  }));
}

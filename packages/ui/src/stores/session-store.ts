import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type {
  ApiError,
  AppInfo,
  AuthStatus,
  PanDeskBridge,
  Place,
  Quota,
  SettingsView,
  Unsubscribe,
} from '@pandesk/contract';

/**
 * Who is signed in, the settings (secrets only as presence flags), host facts, local places and
 * quota. Mirrors the back end through `auth:changed`, `settings:changed` and `places:changed`.
 */
export interface SessionState {
  auth: AuthStatus | null;
  settings: SettingsView | null;
  info: AppInfo | null;
  places: readonly Place[];
  quota: Quota | null;
  /** True once auth, settings and info have all arrived. */
  loaded: boolean;
  loadError: ApiError | null;
  load(): Promise<void>;
  refreshQuota(): Promise<void>;
  /** Subscribes to the back end's pushes; returns the unsubscribe. */
  connect(): Unsubscribe;
}

export type SessionStore = StoreApi<SessionState>;

export function createSessionStore(bridge: PanDeskBridge): SessionStore {
  return createStore<SessionState>()((set, get) => ({
    auth: null,
    settings: null,
    info: null,
    places: [],
    quota: null,
    loaded: false,
    loadError: null,
    async load() {
      set({ loadError: null });
      const [auth, settings, info, places] = await Promise.all([
        bridge.auth.status(),
        bridge.settings.get(),
        bridge.app.info(),
        bridge.places.list(),
      ]);
      const failed = [auth, settings, info, places].find((r) => !r.ok);
      if (failed && !failed.ok) {
        set({ loadError: failed.error });
        return;
      }
      if (!auth.ok || !settings.ok || !info.ok || !places.ok) return;
      set({
        auth: auth.value,
        settings: settings.value,
        info: info.value,
        places: places.value,
        loaded: true,
      });
      await get().refreshQuota();
    },
    async refreshQuota() {
      const auth = get().auth;
      if (auth && (auth.state === 'signed_in' || auth.state === 'demo')) set({ quota: auth.account.quota });
      const quota = await bridge.files.quota();
      if (quota.ok) set({ quota: quota.value });
    },
    connect() {
      const offs = [
        bridge.on('auth:changed', (auth) => {
          const account = auth.state === 'signed_in' || auth.state === 'demo' ? auth.account : null;
          set({ auth, ...(account === null ? {} : { quota: account.quota }) });
        }),
        bridge.on('settings:changed', (settings) => set({ settings })),
        bridge.on('places:changed', (places) => set({ places })),
      ];
      return () => offs.forEach((off) => off());
    },
  }));
}

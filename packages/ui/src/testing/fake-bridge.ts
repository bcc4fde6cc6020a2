import { createDefaultSettings, createEventHub, fail, ok, toConnectionView } from '@pandesk/contract';
import type {
  ApiError,
  AppInfo,
  AuthStatus,
  ConnectionSettings,
  FileEntry,
  FileId,
  PanDeskApi,
  PanDeskEventHub,
  Place,
  Result,
  Settings,
  SettingsView,
  ThumbnailSource,
  ThumbnailType,
} from '@pandesk/contract';
import { fakeAppInfo } from './fake-app-info';
import { createFakeCloud } from './fake-cloud';
import type { FakeCloud } from './fake-cloud';
import { createFakeDrive, seedSampleDrive } from './fake-drive';
import type { FakeDrive } from './fake-drive';
import { serveOverLink } from './fake-link';
import type { LinkedBridge } from './fake-link';
import { createFakeTransfers } from './fake-transfers';
import type { FakeTransfers } from './fake-transfers';
import { createFakeSync } from './fake-sync';
import type { FakeSync } from './fake-sync';

/**
 * A faithful in-memory PanDeskBridge for tests and UI development: a drive with a recycle bin,
 * a transfer queue, settings with write-only secrets, auth states, places and events. The
 * in-memory handlers are served with the contract's own `serveApi` over its in-memory transport
 * pair (JSON, as over the web host's WebSocket), so every call is validated against the
 * channel schemas exactly as the real back end's hosts do: a call the back end would refuse
 * answers `invalid_input` here too. Calls that pass are recorded in `calls`; `failNext`
 * injects one failure, `holdListMore` pauses streaming so tests can look at the first page.
 */
export interface FakeBridge extends LinkedBridge {
  readonly drive: FakeDrive;
  readonly queue: FakeTransfers;
  /** The cloud side's state (shares, direct links, cloud tasks) and its test hooks. */
  readonly cloudFake: FakeCloud;
  /** The sync pairs behind the `sync` domain (seed conflicts, choose planned files). */
  readonly syncPairs: FakeSync;
  readonly hub: PanDeskEventHub;
  /** `domain.method` of every call that passed validation, in order. */
  readonly calls: string[];
  /** File ids `app.thumbnail` was asked for, in order. */
  readonly thumbnailRequests: FileId[];
  /** The stored connection (secrets included) — what the back end keeps, for assertions. */
  connection(): ConnectionSettings;
  /** The next call of `domain.method` answers this error instead. */
  failNext(method: string, error: Pick<ApiError, 'code' | 'message'> & Partial<ApiError>): void;
  /** `files.listMore` waits until the returned release function is called. */
  holdListMore(): () => void;
  /** Changes the auth state (auth lost pauses the queue) and emits `auth:changed`. */
  setAuth(status: AuthStatus): void;
}

export interface FakeBridgeOptions {
  pageSize?: number;
  /** Start in this state; default: the demo drive. */
  auth?: AuthStatus;
  /** Seed a small sample tree (default true). */
  seed?: boolean;
  host?: AppInfo['host'];
  /**
   * The OS offers no encrypted storage: `secretStorage` is `unavailable` and secrets are refused
   * unless `setConnection` says `sessionOnly` (then `session`) (default false).
   */
  noEncryption?: boolean;
  /** Shares per page of `shares.list` (default 50). */
  sharePageSize?: number;
}

const ACCOUNT = {
  name: 'demo-user',
  vipLevel: 1,
  developer: true,
  quota: { usedBytes: 0, totalBytes: 2 * 1024 ** 4 },
};

export function createFakeBridge(options: FakeBridgeOptions = {}): FakeBridge {
  const hub = createEventHub();
  const drive = createFakeDrive(options.pageSize ?? 100);
  const queue = createFakeTransfers((snapshot) => hub.emit('transfers:changed', snapshot));
  /** Files `app.openFile` has cached (desktop host). */
  const openCache = new Set<FileId>();
  /** Thumbnails stored by `app.storeThumbnail`, by `<md5>-<px>`, and what images cost. */
  const thumbnailStore = new Map<string, { type: ThumbnailType; data: string }>();
  const thumbnailRequests: FileId[] = [];
  let thumbnailBytes = 0;
  let thumbnailPause: 'budget_spent' | null = null;
  if (options.seed !== false) seedSampleDrive(drive);
  const calls: string[] = [];
  const faults = new Map<string, ApiError>();
  let gate: Promise<void> | null = null;
  /** Links minted by `app.downloadLink`, numbered so each one is distinct. */
  let linkCount = 0;
  let auth: AuthStatus = options.auth ?? { state: 'demo', account: ACCOUNT };
  if (auth.state !== 'signed_in' && auth.state !== 'demo') queue.setAuthBlocked(true);
  let settings: Settings = createDefaultSettings('/home/user/Downloads');
  let connection: ConnectionSettings = {
    clientId: '',
    clientSecret: null,
    accessToken: null,
    refreshToken: null,
    rootFolderId: 0,
  };
  let places: Place[] = [
    { id: 'downloads', kind: 'downloads', name: 'Downloads', path: '/home/user/Downloads', removable: false },
    { id: 'desktop', kind: 'desktop', name: 'Desktop', path: '/home/user/Desktop', removable: false },
  ];
  let secretStorage: SettingsView['secretStorage'] =
    options.noEncryption === true ? 'unavailable' : 'encrypted';
  const view = (): SettingsView => ({ ...settings, connection: toConnectionView(connection), secretStorage });

  /** Wraps a handler: records the call and applies an injected fault. */
  function call<I, O>(
    name: string,
    handler: (input: I) => Result<O> | Promise<Result<O>>,
  ): (input?: I) => Promise<Result<O>> {
    return async (input?: I) => {
      calls.push(name);
      const fault = faults.get(name);
      if (fault) {
        faults.delete(name);
        return { ok: false, error: fault };
      }
      return handler(input as I);
    };
  }
  const changed = (folderIds: number[], trashChanged = false): void =>
    hub.emit('folder:changed', { folderIds, trashChanged });
  // Like the back end: no drive while connecting or when auth is required.
  const usable = (): Result<null> =>
    auth.state === 'auth_required'
      ? fail('auth_required', 'Sign in again in Settings.')
      : auth.state === 'connecting'
        ? fail('network', 'PanDesk is still connecting to the 123pan service.')
        : ok(null);
  /** The root's first page from the last signed-in listing, answered while waiting for the service. */
  let offlineRoot: readonly FileEntry[] | null = null;
  const waiting = (): boolean =>
    auth.state === 'connecting' || (auth.state === 'auth_required' && auth.problem === 'unreachable');
  const guarded = <O>(fn: () => Result<O>): Result<O> => {
    const u = usable();
    return u.ok ? fn() : u;
  };
  const after = <T>(result: Result<T>, effect: (value: T) => void): Result<T> => {
    if (result.ok) effect(result.value);
    return result;
  };

  function setAuth(status: AuthStatus): void {
    auth = status;
    // Like the back end: the queue runs only on a usable drive (not while connecting).
    queue.setAuthBlocked(status.state !== 'signed_in' && status.state !== 'demo');
    hub.emit('auth:changed', status);
  }

  const cloud = createFakeCloud(drive, hub, call, {
    ...(options.sharePageSize === undefined ? {} : { sharePageSize: options.sharePageSize }),
  });
  const cloudHandlers = cloud.handlers();

  const sync = createFakeSync(hub, call);
  const handlers: PanDeskApi = {
    sync: sync.api,
    auth: {
      status: call('auth.status', () => ok(auth)),
      signIn: call('auth.signIn', () => {
        const has = connection.clientSecret !== null || connection.accessToken !== null;
        setAuth(
          has
            ? { state: 'signed_in', account: { ...ACCOUNT, name: 'real-user' } }
            : {
                state: 'auth_required',
                problem: 'no_credentials',
                message: 'Enter a client ID and secret.',
                reason: 'no_credentials',
              },
        );
        return ok(auth);
      }),
      signOut: call('auth.signOut', () => {
        connection = { ...connection, clientSecret: null, accessToken: null, refreshToken: null };
        setAuth({
          state: 'auth_required',
          problem: 'no_credentials',
          message: 'Signed out.',
          reason: 'signed_out',
        });
        return ok(auth);
      }),
      useDemo: call('auth.useDemo', () => {
        setAuth({ state: 'demo', account: ACCOUNT });
        return ok(auth);
      }),
    },
    settings: {
      get: call('settings.get', () => ok(view())),
      update: call('settings.update', (patch) => {
        settings = {
          ...settings,
          ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        };
        hub.emit('settings:changed', view());
        return ok(view());
      }),
      setConnection: call('settings.setConnection', (patch) => {
        const setsSecret = [patch.clientSecret, patch.accessToken, patch.refreshToken].some(
          (v) => typeof v === 'string' && v !== '',
        );
        if (patch.sessionOnly === true && secretStorage === 'encrypted')
          return fail('invalid_input', 'Secrets are saved in secure storage here.');
        if (patch.sessionOnly === true) secretStorage = 'session';
        if (setsSecret && secretStorage === 'unavailable')
          return fail('unsupported', 'This system has no secure storage for secrets.');
        connection = {
          clientId: patch.clientId ?? connection.clientId,
          clientSecret: patch.clientSecret === undefined ? connection.clientSecret : patch.clientSecret,
          accessToken: patch.accessToken === undefined ? connection.accessToken : patch.accessToken,
          refreshToken: patch.refreshToken === undefined ? connection.refreshToken : patch.refreshToken,
          rootFolderId: patch.rootFolderId ?? connection.rootFolderId,
        };
        hub.emit('settings:changed', view());
        return ok(view());
      }),
    },
    files: {
      list: call('files.list', ({ folderId }) => {
        if (folderId === connection.rootFolderId && waiting() && offlineRoot !== null)
          return ok({ folderId, items: offlineRoot, cursor: null });
        const page = guarded(() => drive.list(folderId));
        if (page.ok && folderId === connection.rootFolderId && auth.state === 'signed_in')
          offlineRoot = page.value.items;
        return page;
      }),
      listMore: call('files.listMore', async ({ folderId, cursor }) => {
        if (gate) await gate;
        return guarded(() => drive.list(folderId, cursor));
      }),
      treeChildren: call('files.treeChildren', ({ folderId }) =>
        folderId === connection.rootFolderId && waiting() && offlineRoot !== null
          ? ok(
              offlineRoot
                .filter((e) => e.kind === 'folder')
                .map((e) => ({ id: e.id, name: e.name, parentId: e.parentId })),
            )
          : guarded(() => drive.treeChildren(folderId)),
      ),
      detail: call('files.detail', ({ id }) => {
        const item = drive.items.get(id);
        return item
          ? ok({ ...item.entry, size: drive.sizeOf(id), trashed: item.trashed })
          : fail('not_found', 'The item no longer exists.');
      }),
      mkdir: call('files.mkdir', ({ parentId, name }) =>
        after(drive.mkdir(parentId, name), () => changed([parentId])),
      ),
      rename: call('files.rename', ({ id, name }) => {
        const r = drive.rename(id, name);
        return r.ok ? (changed([r.value]), ok(null)) : r;
      }),
      move: call('files.move', ({ ids, targetFolderId }) => {
        const r = drive.move(ids, targetFolderId);
        return r.ok ? (changed(r.value), ok(null)) : r;
      }),
      trash: call('files.trash', ({ ids }) => {
        const r = drive.trash(ids);
        return r.ok ? (changed(r.value, true), ok(null)) : r;
      }),
      listTrash: call('files.listTrash', ({ cursor }) => drive.listTrash(cursor)),
      restore: call('files.restore', ({ ids, targetFolderId }) => {
        const r = drive.restore(ids, targetFolderId);
        if (!r.ok) return r;
        changed(r.value.folders, true);
        return ok({ restored: r.value.restored, needsTarget: r.value.needsTarget });
      }),
      deleteForever: call('files.deleteForever', ({ ids }) =>
        after(drive.deleteForever(ids), () => changed([], true)),
      ),
      search: call('files.search', ({ query, exact, cursor }) =>
        drive.search(query, exact ?? false, cursor, connection.rootFolderId),
      ),
      quota: call('files.quota', () =>
        ok({ usedBytes: drive.usedBytes(), totalBytes: ACCOUNT.quota.totalBytes }),
      ),
      copy: cloudHandlers.copy,
    },
    transfers: {
      upload: call('transfers.upload', (cmd) => queue.upload(cmd)),
      download: call('transfers.download', (cmd) => queue.download(cmd)),
      pause: call('transfers.pause', ({ ids }) => queue.act('pause', ids)),
      resume: call('transfers.resume', ({ ids }) => queue.act('resume', ids)),
      cancel: call('transfers.cancel', ({ ids }) => queue.act('cancel', ids)),
      retry: call('transfers.retry', ({ ids }) => queue.act('retry', ids)),
      moveToTop: call('transfers.moveToTop', ({ ids }) => queue.moveToTop(ids)),
      clearFinished: call('transfers.clearFinished', () => queue.clearFinished()),
      clearFailed: call('transfers.clearFailed', () => queue.clearFailed()),
      page: call('transfers.page', (q) => queue.page(q)),
      summary: call('transfers.summary', () => ok(queue.summary())),
    },
    places: {
      list: call('places.list', () => ok(places)),
      add: call('places.add', ({ path, name }) => {
        const place: Place = {
          id: `custom-${places.length}`,
          kind: 'custom',
          name: name ?? path.split('/').pop() ?? path,
          path,
          removable: true,
        };
        places = [...places, place];
        hub.emit('places:changed', places);
        return ok(place);
      }),
      remove: call('places.remove', ({ id }) => {
        const place = places.find((p) => p.id === id);
        if (!place) return fail('not_found', 'No such place.');
        if (!place.removable) return fail('unsupported', 'Built-in places cannot be removed.');
        places = places.filter((p) => p.id !== id);
        hub.emit('places:changed', places);
        return ok(null);
      }),
    },
    app: {
      info: call('app.info', () => ok(fakeAppInfo(options.host ?? 'web'))),
      openLogFolder: call('app.openLogFolder', () => ok(null)),
      revealInFolder: call('app.revealInFolder', () => ok(null)),
      startDrag: call('app.startDrag', () =>
        options.host === 'desktop' ? ok(null) : fail('unsupported', 'Not in a browser.'),
      ),
      choosePaths: call('app.choosePaths', ({ mode }) =>
        ok({ paths: mode === 'choose_folder' ? ['/home/user/Chosen'] : ['/home/user/picked.bin'] }),
      ),
      // An inline link (shown in a tab) is told apart by its ending, for assertions.
      downloadLink: call('app.downloadLink', ({ fileId, inline }) =>
        options.host === 'desktop'
          ? fail('unsupported', 'Not on the desktop.')
          : ok({
              url: `/api/dl/t${++linkCount}-${fileId}${inline === true ? '-inline' : ''}`,
              expiresAt: Date.now() + 60_000,
            }),
      ),
      // A grant-like URL naming the file, so tests can tell which file a viewer loads.
      previewUrl: call('app.previewUrl', ({ fileId }) => {
        const item = drive.items.get(fileId);
        if (!item || item.trashed) return fail('not_found', 'The item no longer exists.');
        return ok({ url: `/api/preview/p-${fileId}`, expiresAt: Date.now() + 600_000 });
      }),
      openFile: call('app.openFile', ({ fileId }) => {
        if (options.host !== 'desktop') return fail('unsupported', 'Not in a browser.');
        const item = drive.items.get(fileId);
        if (!item || item.trashed) return fail('not_found', 'The item no longer exists.');
        const fromCache = openCache.has(fileId);
        openCache.add(fileId);
        return ok({ path: `/cache/${fileId}/${item.entry.name}`, fromCache });
      }),
      openDownload: call('app.openDownload', () =>
        options.host === 'desktop' ? ok(null) : fail('unsupported', 'Not in a browser.'),
      ),
      openCache: call('app.openCache', () =>
        ok({ files: openCache.size, bytes: openCache.size * 1024, limitBytes: 2048 * 1024 * 1024 }),
      ),
      clearOpenCache: call('app.clearOpenCache', () => (openCache.clear(), ok(null))),
      // As the back end: off answers none, a stored thumbnail costs nothing, a large image is
      // refused unfetched, any other image answers its "bytes" (here: its name) and counts its size.
      thumbnail: call('app.thumbnail', ({ fileId, md5, size, px }): Result<ThumbnailSource> => {
        thumbnailRequests.push(fileId);
        if (!settings.thumbnails) return ok({ kind: 'none', why: 'off' });
        const stored = thumbnailStore.get(`${md5}-${px}`);
        if (stored) return ok({ kind: 'thumbnail', ...stored });
        if (size > settings.thumbnailMaxImageMb * 1024 * 1024) return ok({ kind: 'none', why: 'too_large' });
        const item = drive.items.get(fileId);
        if (!item) return fail('not_found', 'The item no longer exists.');
        if (thumbnailBytes + size > settings.thumbnailDailyBudgetMb * 1024 * 1024) {
          thumbnailPause = 'budget_spent';
          return ok({ kind: 'none', why: 'budget_spent' });
        }
        thumbnailBytes += size;
        return ok({ kind: 'image', data: btoa(item.entry.name) });
      }),
      storeThumbnail: call('app.storeThumbnail', ({ md5, px, type, data }) => {
        thumbnailStore.set(`${md5}-${px}`, { type, data });
        return ok(null);
      }),
      thumbnailTraffic: call('app.thumbnailTraffic', () =>
        ok({
          todayBytes: thumbnailBytes,
          totalBytes: thumbnailBytes,
          dailyBudgetBytes: settings.thumbnailDailyBudgetMb * 1024 * 1024,
          pausedUntil: thumbnailPause === null ? null : Date.UTC(2026, 0, 2, 16),
          pausedBecause: thumbnailPause,
          cacheBytes: [...thumbnailStore.values()].reduce((sum, t) => sum + t.data.length, 0),
          cacheLimitBytes: settings.thumbnailCacheLimitMb * 1024 * 1024,
        }),
      ),
    },
    shares: cloudHandlers.shares,
    directLinks: cloudHandlers.directLinks,
    cloud: cloudHandlers.cloud,
  };

  return {
    ...serveOverLink(handlers, hub),
    drive,
    queue,
    cloudFake: cloud,
    syncPairs: sync,
    hub,
    calls,
    thumbnailRequests,
    connection: () => connection,
    failNext: (method, error) => faults.set(method, { retryable: false, ...error }),
    holdListMore() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    setAuth,
  };
}

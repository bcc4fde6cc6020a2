/**
 * Composes the back end over the host's ports: settings and secrets, the redacting log,
 * auth with the real or demo drive, cached file listings, the transfer engine, places and
 * app info, behind the contract's `PanDeskApi`.
 */
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { createEventHub, ok } from '@pandesk/contract';
import type { FileId, PanDeskApi } from '@pandesk/contract';
import { DEFAULT_API_BASE_URL } from '@pandesk/open-api';
import { createDriveBackend } from '@pandesk/pan-drive';
import { createAppApi } from './app/app-api';
import { makeSafe } from './app/safe-api';
import { createAuthService } from './auth/auth-service';
import { createCloudService } from './cloud/cloud-service';
import type { AuthService } from './auth/auth-service';
import { createVaultTokenStore } from './auth/vault-token-store';
import type { Backend } from './backend-types';
import { createFilesApi } from './files/files-api';
import { createFolderCache } from './files/folder-cache';
import type { FolderCache } from './files/folder-cache';
import { createFolderListing } from './files/folder-listing';
import { withOfflineRoot } from './files/offline-files';
import type { OfflineFilesOptions } from './files/offline-files';
import { createOfflineRoot } from './files/offline-root';
import { createTrashBin } from './files/trash-bin';
import { trashLedgersByDrive } from './files/trash-ledgers';
import { logAttempt } from './log/attempt-log';
import { createDailyLog } from './log/daily-log';
import type { Logger } from './log/daily-log';
import { createRedactor } from './log/redact';
import type { Redactor } from './log/redact';
import { createEffectiveFetch } from './net/effective-fetch';
import { createDirectFetch } from './net/undici-fetch';
import { createProxyFetchFactory, type ProxyFetchFactory } from './net/proxy-fetch';
import { createPlacesApi } from './places/places-api';
import { createOpenFiles } from './open/open-files';
import { createThumbnails } from './thumbnails/thumbnails';
import { createDriveIdentity } from './cloud/drive-identity';
import { toFileDetail } from './files/map-entry';
import type { BackendPorts, Clock, LocalFs } from './ports';
import { checkWritableFolder } from './settings/check-folder';
import { createAuthApi, createSettingsApi } from './settings/settings-api';
import { applyInitialConnection } from './settings/initial-connection';
import { createSettingsService } from './settings/settings-service';
import type { SettingsService } from './settings/settings-service';
import { createCdnFetch, proxiedUrl } from './transfers/cdn-fetch';
import { webResponseFetch } from './net/web-fetch';
import { toApiException } from './errors/map-error';
import { createTransferService } from './transfers/transfer-service';
import type { TransferService } from './transfers/transfer-service';
import { createLocalPathGuard } from './transfers/local-path-guard';
import { createTransfersApi } from './transfers/transfers-api';
import { createSyncApi } from './sync/sync-api';
import { createSyncHost } from './sync/sync-host';
import type { SyncHost } from './sync/sync-host';

const systemClock: Clock = { now: () => Date.now() };

/** The API base URL: the port, else `PANDESK_API_BASE_URL`, else the real service. */
export function resolveApiBaseUrl(ports: Pick<BackendPorts, 'apiBaseUrl' | 'env'>): string {
  const env = ports.env ?? process.env;
  return ports.apiBaseUrl ?? (env.PANDESK_API_BASE_URL || undefined) ?? DEFAULT_API_BASE_URL;
}

interface Core {
  ports: BackendPorts;
  clock: Clock;
  fs: LocalFs;
  redactor: Redactor;
  logger: Logger;
  settings: SettingsService;
  events: ReturnType<typeof createEventHub>;
  background: Set<Promise<unknown>>;
  track: (work: Promise<unknown>) => void;
  /** The host's fetch or ours (undici-fetch), unproxied (the demo drive on loopback). */
  baseFetch: typeof fetch;
  /** Fetch for the service and its CDN, through the `httpProxy` setting. */
  netFetch: typeof fetch;
  /** Closes the default connection pools (direct, and the proxy agent unless the host supplied `proxyFetch`). */
  closeNet: () => Promise<void>;
}

async function createCore(ports: BackendPorts): Promise<Core> {
  const clock = ports.clock ?? systemClock;
  const fs = ports.fs ?? fsp;
  // The journal and the demo drive live here; the host may hand over a folder not created yet.
  await fs.mkdir(ports.paths.userData, { recursive: true });
  const redactor = createRedactor();
  const logger = createDailyLog({ dir: ports.paths.logs, fs, clock, redactor });
  const settings = await createSettingsService({
    store: ports.settingsStore,
    vault: ports.secretVault,
    host: ports.host,
    defaultDownloadFolder: ports.paths.downloads,
    checkDownloadFolder: (path) => checkWritableFolder(fs, path),
    onSecret: (value) => redactor.addSecret(value),
  });
  const events = createEventHub({
    onListenerError: (error, event) => logger.error(`a listener of ${event} failed`, error),
  });
  const background = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    const settled = work
      .catch((error: unknown) => logger.error('background work failed', error))
      .finally(() => background.delete(settled));
    background.add(settled);
  };
  // undici's request() unless the host brings its own fetch (tests do); see undici-fetch. An
  // unused pool costs nothing: it connects on the first request.
  const direct = createDirectFetch();
  const baseFetch: typeof fetch = ports.fetch ?? direct.fetch;
  // undici's ProxyAgent unless the host brings its own proxied fetch (e.g. Electron's net.fetch).
  let defaultProxy: ProxyFetchFactory | undefined;
  const proxyFetch = ports.proxyFetch ?? (defaultProxy = createProxyFetchFactory());
  const netFetch = createEffectiveFetch({
    base: baseFetch,
    proxyUrl: () => settings.effectiveProxy('httpProxy'),
    proxyFetch,
  });
  const closeNet = async (): Promise<void> => {
    await Promise.all([defaultProxy?.close(), direct.close()]);
  };
  return {
    ports,
    clock,
    fs,
    redactor,
    logger,
    settings,
    events,
    background,
    track,
    baseFetch,
    netFetch,
    closeNet,
  };
}

/** Fetch for the drive in use: the demo drive (loopback) never goes through the HTTP(S) proxy. */
function driveFetch(core: Core, auth: AuthService): typeof fetch {
  return ((input, init) =>
    (auth.mode() === 'demo' ? core.baseFetch : core.netFetch)(input, init)) as typeof fetch;
}

function createTransfers(core: Core, auth: AuthService, cache: FolderCache, sync: SyncHost): TransferService {
  const { ports, settings } = core;
  return createTransferService({
    onEngineOpened: (engine) => sync.open(engine),
    onEngineClosing: () => sync.close(),
    userData: ports.paths.userData,
    backend: createDriveBackend(() => auth.requireClient()),
    fetch: createCdnFetch(
      driveFetch(core, auth),
      () => settings.settings(),
      () => settings.effectiveProxy('downloadProxyUrl'),
    ),
    fs: core.fs,
    events: core.events,
    platform: ports.platform ?? {},
    logger: core.logger,
    settings: () => settings.settings(),
    ...(ports.tuning?.snapshotIntervalMs === undefined
      ? {}
      : { snapshotIntervalMs: ports.tuning.snapshotIntervalMs }),
    onAuthBlocked: () => auth.reportAuthFailure(),
    onFoldersChanged: (folderIds: readonly FileId[]) => {
      for (const id of folderIds) cache.invalidate(id);
      core.events.emit('folder:changed', { folderIds, trashChanged: false });
      core.track(auth.refreshAccount());
    },
  });
}

/** The root listing kept for offline use: real drive only, bound to service, client id and root. */
function offlineRootOptions(core: Core, auth: AuthService, baseUrl: string): OfflineFilesOptions {
  const { settings } = core;
  return {
    offline: createOfflineRoot({
      fs: core.fs,
      userData: core.ports.paths.userData,
      logger: core.logger,
      clock: core.clock,
    }),
    rootFolderId: () => settings.connection().rootFolderId,
    key: () => {
      if (auth.mode() !== 'real') return null;
      const { clientId, rootFolderId } = settings.connection();
      return JSON.stringify([baseUrl, clientId, rootFolderId]);
    },
    status: () => auth.status(),
    track: core.track,
  };
}

export async function createBackend(ports: BackendPorts): Promise<Backend> {
  const core = await createCore(ports);
  const { settings, events, logger } = core;
  const baseUrl = resolveApiBaseUrl(ports);
  const clientTuning = ports.tuning === undefined ? {} : { tuning: ports.tuning };
  const auth = createAuthService({
    settings,
    events,
    logger,
    redactor: core.redactor,
    baseUrl,
    tokenStore: createVaultTokenStore(settings.vault, { onSecret: (v) => core.redactor.addSecret(v) }),
    client: { fetch: core.netFetch, onAttempt: logAttempt(logger), ...clientTuning },
    demoClient: { fetch: core.baseFetch, ...clientTuning },
    userData: ports.paths.userData,
    ...(ports.tuning?.signIn === undefined ? {} : { timing: ports.tuning.signIn }),
    ...(ports.tuning?.random === undefined ? {} : { random: ports.tuning.random }),
  });
  const cache = createFolderCache();
  const listing = createFolderListing({
    client: () => auth.requireClient(),
    cache,
    events,
    clock: core.clock,
    logger,
    freshMs: ports.tuning?.folderCacheFreshMs ?? 0,
  });
  const sync = createSyncHost({
    client: () => auth.requireClient(),
    events,
    onTrashed: async (ids) => bin.trashed(ids),
    onError: (error, context) => logger.error(`sync: ${context}`, error),
    now: () => core.clock.now(),
  });
  const transfers = createTransfers(core, auth, cache, sync);
  const bin = createTrashBin({
    client: () => auth.requireClient(),
    ledger: trashLedgersByDrive({ fs: core.fs, userData: ports.paths.userData, auth }),
    logger,
  });
  const cloud = await createCloudService({ ...core, auth, cache, bin });
  const driveIdentity = createDriveIdentity(auth);
  const opener = createOpenFiles({
    root: join(ports.paths.userData, 'open-cache'),
    driveKey: async () => (await driveIdentity()).key,
    detail: async (id) => toFileDetail(await auth.requireClient().files.detail(id)),
    engine: () => transfers.engine(),
    platform: ports.platform ?? {},
    limitMb: () => settings.settings().openCacheLimitMb,
    clock: core.clock,
  });
  const thumbnails = createThumbnails({
    root: join(ports.paths.userData, 'thumbnails'),
    driveKey: async () => (await driveIdentity()).key,
    settings: () => settings.settings(),
    downloadUrl: async (id) => (await auth.requireClient().download.info(id)).url,
    fetch: createCdnFetch(
      driveFetch(core, auth),
      () => settings.settings(),
      () => settings.effectiveProxy('downloadProxyUrl'),
    ),
    clock: core.clock,
  });
  const notes = await applyInitialConnection({
    patch: ports.initialConnection,
    settings,
    logger,
    forgetToken: () => auth.forgetToken(),
  });
  auth.onSession((session, mode) => {
    cache.clear();
    core.track(transfers.bind(mode, session !== null));
    cloud.onSession(session !== null);
  });
  // Answers at once with credentials (signing in continues in the background, `connecting`);
  // opens the local demo drive otherwise.
  await auth.start();
  const usable = (state: string) => state === 'signed_in' || state === 'demo';
  sync.setOnline(usable(auth.status().state));
  events.on('auth:changed', (status) => sync.setOnline(usable(status.state)));
  logger.info(`back end started (${ports.host}, API ${baseUrl}, ${auth.status().state})`);

  const logError = (error: unknown, context: string): void =>
    logger.error(`unexpected failure in ${context}`, error);
  const api: PanDeskApi = makeSafe(
    {
      auth: createAuthApi({ auth, settings, events }),
      settings: createSettingsApi({
        settings,
        auth,
        events,
        logger,
        track: core.track,
        onSettingsApplied: (s) => transfers.applySettings(s),
      }),
      files: withOfflineRoot(
        createFilesApi({
          client: () => auth.requireClient(),
          cache,
          listing,
          bin,
          events,
          onAuthFailure: () => auth.reportAuthFailure(),
          onSpaceChanged: () => core.track(auth.refreshAccount()),
          rootFolderId: () => settings.connection().rootFolderId,
          copy: cloud.copy,
        }),
        offlineRootOptions(core, auth, baseUrl),
      ),
      transfers: createTransfersApi(
        transfers,
        core.fs,
        createLocalPathGuard({ ports, fs: core.fs, settings }),
      ),
      places: createPlacesApi({ paths: ports.paths, settings, events, fs: core.fs }),
      app: createAppApi(ports, opener, thumbnails),
      shares: cloud.shares,
      directLinks: cloud.directLinks,
      cloud: cloud.cloud,
      sync: createSyncApi(sync),
    },
    logError,
  );

  async function downloadUrl(fileId: FileId) {
    try {
      const ticket = await auth.requireClient().download.info(fileId);
      const prefix = settings.effectiveProxy('downloadProxyUrl');
      return ok(
        settings.settings().downloadMethod === 'proxy_url' && prefix !== ''
          ? proxiedUrl(prefix, ticket.url)
          : ticket.url,
      );
    } catch (error) {
      return toApiException(error).toResult();
    }
  }

  let closing: Promise<void> | undefined;
  return {
    api,
    events,
    on: (event, listener) => events.on(event, listener),
    notes,
    logError,
    downloadUrl,
    cdnFetch: webResponseFetch(driveFetch(core, auth)),
    close: () =>
      (closing ??= (async () => {
        await Promise.all([...core.background]);
        await listing.settled();
        await transfers.close();
        await cloud.close();
        await auth.close();
        await core.closeNet();
        logger.info('back end stopped');
        await logger.flush();
        events.clear();
      })()),
  };
}

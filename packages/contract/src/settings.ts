import type { BytesPerSecond, FileId } from './common';
import type { ConflictPolicy } from './transfers';

/**
 * App settings. Secrets (client secret, access and refresh tokens) are WRITE-ONLY across the
 * boundary: the renderer may set or clear them with `settings.setConnection`, but reads answer
 * a {@link ConnectionView} that only says whether each one is present.
 */

export const DOWNLOAD_METHODS = ['direct', 'local_proxy', 'proxy_url'] as const;
/** `direct`: fetch the CDN URL (following 302s). `local_proxy`: bytes pass through the back end. `proxy_url`: CDN requests go through {@link Settings.downloadProxyUrl}. */
export type DownloadMethod = (typeof DOWNLOAD_METHODS)[number];

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** How the file list shows a folder: rows with columns, or tiles with thumbnails. */
export const VIEW_MODES = ['list', 'grid'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** Files in flight per direction. */
export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 16;
/** Highest speed limit accepted: 10 GiB/s, far above any real link (0 means unlimited). */
export const MAX_SPEED_LIMIT: BytesPerSecond = 10 * 1024 ** 3;

/** Every non-secret setting. */
export interface Settings {
  readonly downloadMethod: DownloadMethod;
  /** URL prefix for CDN requests when `downloadMethod` is `proxy_url`; `''` when unset. */
  readonly downloadProxyUrl: string;
  /** `http://` or `https://` proxy for all traffic; `''` for none. */
  readonly httpProxy: string;
  /** Local folder receiving downloads by default. */
  readonly downloadFolder: string;
  readonly uploadConcurrency: number;
  readonly downloadConcurrency: number;
  /** Bytes per second, 0 = unlimited. Applies live. */
  readonly uploadSpeedLimit: BytesPerSecond;
  /** Bytes per second, 0 = unlimited. Applies live. */
  readonly downloadSpeedLimit: BytesPerSecond;
  /** Conflict policy offered first for a new batch. */
  readonly conflictDefault: ConflictPolicy;
  readonly language: Language;
  readonly theme: Theme;
  /** Keep the computer awake while transfers run. */
  readonly keepAwake: boolean;
  /** Most MiB kept by the cache of opened files; the least recently opened go first. */
  readonly openCacheLimitMb: number;
  readonly viewMode: ViewMode;
  /** Grid view: thumbnails of images (off: type icons only, no traffic). */
  readonly thumbnails: boolean;
  /** Images larger than this many MiB get no thumbnail (nothing is fetched). */
  readonly thumbnailMaxImageMb: number;
  /** Most MiB kept by the thumbnail cache; the least recently shown go first. */
  readonly thumbnailCacheLimitMb: number;
  /** MiB thumbnails may download per service day (midnight UTC+8); then they stop until the next. */
  readonly thumbnailDailyBudgetMb: number;
  /** Whether the file list shows the preview pane of the selected file at its right. */
  readonly previewPane: boolean;
}

/**
 * The connection settings as stored by the back end, secrets included. Back-end only: this
 * type appears in no API result and no event; the renderer sees {@link ConnectionView}.
 */
export interface ConnectionSettings {
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  readonly rootFolderId: FileId;
}

/** What the renderer may read about the connection: presence flags, never the secrets. */
export interface ConnectionView {
  readonly clientId: string;
  readonly hasClientSecret: boolean;
  readonly hasAccessToken: boolean;
  readonly hasRefreshToken: boolean;
  readonly rootFolderId: FileId;
}

/**
 * Where secrets entered in the connection settings are kept:
 * - `encrypted`: the host's secret storage (the OS keychain; in the browser host, the file the
 *   user chose with `--store-secrets-in-file`), so they survive a restart;
 * - `unavailable`: there is none, so the back end refuses to save secrets rather than write
 *   them in the clear, until the user chooses to use them only until the app quits
 *   (`ConnectionPatch.sessionOnly`);
 * - `session`: the user chose that: secrets live in memory only, gone when the app (or the
 *   browser host) quits, and are asked for again next time.
 */
export const SECRET_STORAGE_STATES = ['encrypted', 'session', 'unavailable'] as const;
export type SecretStorage = (typeof SECRET_STORAGE_STATES)[number];

export interface SettingsView extends Settings {
  readonly connection: ConnectionView;
  /** Whether secrets entered in the connection settings can be saved (see {@link SecretStorage}). */
  readonly secretStorage: SecretStorage;
}

/** Strips the secrets from stored connection settings. */
export function toConnectionView(connection: ConnectionSettings): ConnectionView {
  return {
    clientId: connection.clientId,
    hasClientSecret: connection.clientSecret !== null && connection.clientSecret !== '',
    hasAccessToken: connection.accessToken !== null && connection.accessToken !== '',
    hasRefreshToken: connection.refreshToken !== null && connection.refreshToken !== '',
    rootFolderId: connection.rootFolderId,
  };
}

/** Defaults for a first start; the download folder is the host's (e.g. the OS Downloads folder). */
export function createDefaultSettings(downloadFolder: string): Settings {
  return {
    downloadMethod: 'direct',
    downloadProxyUrl: '',
    httpProxy: '',
    downloadFolder,
    uploadConcurrency: 3,
    downloadConcurrency: 3,
    uploadSpeedLimit: 0,
    downloadSpeedLimit: 0,
    conflictDefault: 'keep_both',
    language: 'en',
    theme: 'system',
    keepAwake: true,
    openCacheLimitMb: 2048,
    viewMode: 'list',
    thumbnails: true,
    thumbnailMaxImageMb: 4,
    thumbnailCacheLimitMb: 64,
    thumbnailDailyBudgetMb: 50,
    previewPane: false,
  };
}

export const EMPTY_CONNECTION: ConnectionSettings = {
  clientId: '',
  clientSecret: null,
  accessToken: null,
  refreshToken: null,
  rootFolderId: 0,
};

/** Input of `settings.update`: any subset of the settings. Cross-field rules are checked after merging. */
export type SettingsPatch = Partial<Settings>;

/**
 * Input of `settings.setConnection`. Omitted keys keep their stored value; `null` clears a
 * secret; `clientId: ''` clears the client id.
 */
export interface ConnectionPatch {
  readonly clientId?: string;
  readonly clientSecret?: string | null;
  readonly accessToken?: string | null;
  readonly refreshToken?: string | null;
  readonly rootFolderId?: FileId;
  /**
   * `true`: where there is no secret storage (`secretStorage: 'unavailable'`), keep the secrets
   * of this and later patches in memory only until the app quits (`secretStorage` becomes
   * `session`). Refused where secrets are stored encrypted.
   */
  readonly sessionOnly?: boolean;
}

/** Applies a validated connection patch to the stored connection settings (back end only). */
export function applyConnectionPatch(
  current: ConnectionSettings,
  patch: ConnectionPatch,
): ConnectionSettings {
  return {
    clientId: patch.clientId ?? current.clientId,
    clientSecret: patch.clientSecret === undefined ? current.clientSecret : patch.clientSecret,
    accessToken: patch.accessToken === undefined ? current.accessToken : patch.accessToken,
    refreshToken: patch.refreshToken === undefined ? current.refreshToken : patch.refreshToken,
    rootFolderId: patch.rootFolderId ?? current.rootFolderId,
  };
}

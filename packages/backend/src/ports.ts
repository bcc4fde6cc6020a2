/**
 * What the back end needs from its host (the Electron shell or the browser host). Everything
 * OS-specific arrives through these ports, so the back end runs unchanged under Electron, in
 * the web host and in tests (which pass the in-memory versions from `src/testing/`).
 */
import type * as fsp from 'node:fs/promises';
import type {
  ChoosePathsInput,
  ChosenPaths,
  Clock as ContractClock,
  ConnectionPatch,
} from '@pandesk/contract';
import type { SignInTiming } from './auth/sign-in-timing';
import type { LocalPathPolicy } from './transfers/local-path-guard';

/** A JSON object of non-secret settings, as the back end persists it. */
export type SettingsDocument = { readonly [key: string]: unknown };

/**
 * Where non-secret settings live (electron-store in the desktop app, a JSON file in the web
 * host). Never receives a secret: those go to the {@link SecretVault}.
 */
export interface SettingsStore {
  /** The last saved document, or `undefined` on a first start. */
  load(): Promise<unknown>;
  save(settings: SettingsDocument): Promise<void>;
}

/**
 * Where secrets live (client secret, tokens, proxy passwords): safeStorage-encrypted in the
 * desktop app. Values are opaque strings; keys are fixed names chosen by the back end.
 */
export interface SecretVault {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * False when the OS offers no encryption (e.g. Linux without a keyring). The back end then
   * refuses to store secrets and says so, instead of writing them in the clear.
   */
  isEncryptionAvailable(): boolean;
}

/**
 * The part of the contract's `Clock` the back end reads: the time, never a sleep. Any
 * contract clock fits (`systemClock`, or the manual clock of `@pandesk/contract/testing`).
 */
export type Clock = Pick<ContractClock, 'now'>;

/** The node:fs/promises calls the back end and the transfer engine make; tests may wrap them. */
export type LocalFs = Pick<
  typeof fsp,
  | 'open'
  | 'mkdir'
  | 'rename'
  | 'link'
  | 'stat'
  | 'lstat'
  | 'realpath'
  | 'unlink'
  | 'opendir'
  | 'access'
  | 'appendFile'
  | 'readdir'
>;

/**
 * OS integrations. Every member is optional: the browser host has no taskbar or native drag,
 * and the back end reports what is missing through `app.info().capabilities`.
 */
export interface PlatformHooks {
  /** A desktop notification (e.g. "3 uploads finished"). */
  notify?(title: string, body: string): void;
  /** Taskbar / dock progress in [0, 1]; `null` removes it. */
  setProgress?(fraction: number | null): void;
  /** Keep the computer from sleeping while `on` is true. */
  keepAwake?(on: boolean): void;
  /** Shows a file or folder selected in the OS file manager. */
  revealInFolder?(path: string): Promise<void>;
  /** Opens a file or folder with the OS (used for the log folder). */
  openPath?(path: string): Promise<void>;
  /** Starts an OS drag of local files out of the window (desktop only). */
  startDrag?(paths: readonly string[]): void;
  /** Native open / choose-folder dialog. */
  choosePaths?(input: ChoosePathsInput): Promise<ChosenPaths>;
}

/** Folders on the host. `userData` holds the journal and the demo drive; `logs` the daily logs. */
export interface BackendPaths {
  readonly userData: string;
  readonly logs: string;
  /** The default download folder and the Downloads place. */
  readonly downloads: string;
  readonly desktop?: string;
  readonly documents?: string;
  readonly home?: string;
}

/** Knobs for tests: faster retries and no client-side pacing against a local fake-pan. */
export interface BackendTuning {
  /** Client-side rate pacing of the open-api client (default true). */
  readonly rateLimits?: boolean;
  /** First retry delay of the open-api client, ms. */
  readonly retryBaseMs?: number;
  /** Minimum time between `transfers:changed` events, ms (default 250). */
  readonly snapshotIntervalMs?: number;
  /** How long a cached folder listing is served without revalidation, ms (default 0: always revalidate in the background). */
  readonly folderCacheFreshMs?: number;
  /** Sign-in timeouts, the "connecting" grace period and retry pauses (defaults: 5 s, 20 s, 1 s doubling to 30 s). */
  readonly signIn?: Partial<SignInTiming>;
  /** Jitter source in [0, 1) for sign-in retry pauses (default Math.random). */
  readonly random?: () => number;
  /** Base pause between progress reads of cloud downloads and async copies, ms (default 1000). */
  readonly cloudPollMs?: number;
}

export interface BackendPorts {
  readonly settingsStore: SettingsStore;
  readonly secretVault: SecretVault;
  readonly clock?: Clock;
  readonly fs?: LocalFs;
  readonly platform?: PlatformHooks;
  readonly paths: BackendPaths;
  readonly host: 'electron' | 'web';
  /** Injected into the open-api client and the transfer engine (global fetch by default). */
  readonly fetch?: typeof fetch;
  /**
   * Builds a fetch that sends requests through an HTTP(S) proxy (`http://user:password@host:port`),
   * for the `httpProxy` setting. Optional: by default the back end uses undici's ProxyAgent
   * (CONNECT tunnels, credentials as `Proxy-Authorization`), which works in every host. A host
   * may pass its own (e.g. Electron's `net.fetch` on a session with `setProxy`).
   */
  readonly proxyFetch?: (proxyUrl: string) => typeof fetch;
  /**
   * The Open API's base URL (default: the real service, or `PANDESK_API_BASE_URL` from `env`).
   * End-to-end tests point it at their own fake-pan.
   */
  readonly apiBaseUrl?: string;
  /** Environment variables to read (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Name, version and runtime versions shown by `app.info` (defaults: PanDesk, 0.1.0, node). */
  readonly app?: {
    readonly name?: string;
    readonly version?: string;
    readonly versions?: Readonly<Record<string, string>>;
  };
  readonly tuning?: BackendTuning;
  /**
   * Connection settings applied at start, before the first sign-in (the web host's
   * `PANDESK_CLIENT_ID` / `PANDESK_CLIENT_SECRET`): the real drive is then signed in to in the
   * background at once, without opening the demo drive first. A refusal (e.g. no secure
   * storage) is logged and told in `Backend.notes`; the back end starts anyway.
   */
  readonly initialConnection?: ConnectionPatch;
  /**
   * Limits on the local paths `transfers.upload` and `transfers.download` accept (the browser
   * host: uploads only from its staging folder, downloads only into the download folder and
   * places). Omitted: any absolute path the user can read or write.
   */
  readonly localPaths?: LocalPathPolicy;
}

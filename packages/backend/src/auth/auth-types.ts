/** The auth service's shape: what the back end asks of it and what it needs to run. */
import type { AccountInfo, AuthStatus, ConnectionSettings, PanDeskEventHub } from '@pandesk/contract';
import type { PanClient, TokenStore } from '@pandesk/open-api';
import type { ClientSettings, DriveMode, DriveSession } from '../drive/drive-session';
import type { Logger } from '../log/daily-log';
import type { Redactor } from '../log/redact';
import type { SettingsService } from '../settings/settings-service';
import type { SignInTiming } from './sign-in-timing';

/** Called on every change: the usable session (null while auth is required) and which drive. */
export type SessionListener = (session: DriveSession | null, mode: DriveMode) => void;

export interface AuthServiceOptions {
  settings: SettingsService;
  events: PanDeskEventHub;
  logger: Logger;
  redactor: Redactor;
  baseUrl: string;
  tokenStore: TokenStore;
  client: ClientSettings;
  /** For the demo drive on loopback (never through the user's proxy); default `client`. */
  demoClient?: ClientSettings;
  userData: string;
  /** Sign-in timeouts and retry pacing (default `DEFAULT_SIGN_IN_TIMING`). */
  timing?: Partial<SignInTiming>;
  /** Jitter source in [0, 1) for the retry pauses (default Math.random). */
  random?: () => number;
}

export interface AuthService {
  /**
   * With credentials: answers at once in `connecting` and signs in in the background. Without
   * (or when the demo was chosen): opens the demo drive (local, no network).
   */
  start(): Promise<void>;
  status(): AuthStatus;
  /** One attempt now (shows `connecting` meanwhile); answers its outcome ("Test connection"). */
  signIn(): Promise<AuthStatus>;
  /**
   * Signs in again in the background after a connection change, exactly like start-up:
   * `connecting`, then the outcome as `auth:changed` (unreachable after the grace period).
   */
  reconnect(): Promise<void>;
  signOut(): Promise<AuthStatus>;
  useDemo(): Promise<AuthStatus>;
  /** The client of the usable drive; `auth_required` otherwise. */
  requireClient(): PanClient;
  mode(): DriveMode;
  onSession(listener: SessionListener): () => void;
  /** Refuses a connection change whose root folder is missing, when that can be checked now. */
  acceptConnection(next: ConnectionSettings): Promise<void>;
  /**
   * Something using the drive was refused for auth (a transfer, a listing) although the
   * status says signed in: switch to `auth_required` so the UI asks and the queue pauses.
   */
  reportAuthFailure(): void;
  /** Drops the persisted token, so the next sign-in really tests newly entered credentials. */
  forgetToken(): Promise<void>;
  /** Re-reads the account (quota) and emits `auth:changed` when it changed. */
  refreshAccount(): Promise<void>;
  close(): Promise<void>;
}

export function sameAccount(a: AccountInfo, b: AccountInfo): boolean {
  return (
    a.name === b.name &&
    a.vipLevel === b.vipLevel &&
    a.developer === b.developer &&
    a.quota.usedBytes === b.quota.usedBytes &&
    a.quota.totalBytes === b.quota.totalBytes
  );
}

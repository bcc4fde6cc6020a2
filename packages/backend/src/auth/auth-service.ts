/**
 * Who the app is talking to: the real drive (signed in or not) or the demo drive. Owns the
 * current {@link DriveSession}, the `AuthStatus` the renderer sees, and the transitions
 * between them (serialised, so a double click cannot start two demo servers). Session
 * listeners (files cache, transfer engine) hear about every change.
 */
import { ApiException } from '@pandesk/contract';
import type { AccountInfo, AuthStatus, ConnectionSettings, PanDeskEventHub } from '@pandesk/contract';
import type { PanClient, TokenStore } from '@pandesk/open-api';
import type { Logger } from '../log/daily-log';
import type { Redactor } from '../log/redact';
import { NO_ENCRYPTION_MESSAGE } from '../settings/secret-keys';
import type { SettingsService } from '../settings/settings-service';
import {
  describeSignInFailure,
  NO_CREDENTIALS_MESSAGE,
  RETRY_INTERVAL_MS,
  SIGNED_OUT_MESSAGE,
  toAccount,
  verifyRootFolder,
} from './auth-messages';
import { toCredentials } from './credentials';
import { createRealSession, startDemoSession } from '../drive/drive-session';
import type { ClientSettings, DriveMode, DriveSession } from '../drive/drive-session';

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
}

export interface AuthService {
  /** Signs in to the real drive when credentials exist (or the demo was chosen), else opens the demo drive. */
  start(): Promise<void>;
  status(): AuthStatus;
  signIn(): Promise<AuthStatus>;
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

function sameAccount(a: AccountInfo, b: AccountInfo): boolean {
  return (
    a.name === b.name &&
    a.vipLevel === b.vipLevel &&
    a.quota.usedBytes === b.quota.usedBytes &&
    a.quota.totalBytes === b.quota.totalBytes
  );
}

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { settings, events, logger } = options;
  let status: AuthStatus = {
    state: 'auth_required',
    problem: 'no_credentials',
    message: NO_CREDENTIALS_MESSAGE,
  };
  let session: DriveSession | null = null;
  let mode: DriveMode = 'real';
  let chain: Promise<unknown> = Promise.resolve();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const listeners = new Set<SessionListener>();
  /** Reads the status afresh (after an await, TypeScript's narrowing of `status` is stale). */
  const readStatus = (): AuthStatus => status;
  const host = ((): string => {
    try {
      return new URL(options.baseUrl).host;
    } catch {
      return options.baseUrl;
    }
  })();

  /** Runs transitions one at a time. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  }

  function publish(next: AuthStatus): AuthStatus {
    status = next;
    events.emit('auth:changed', next);
    return next;
  }

  function notify(): void {
    for (const listener of [...listeners])
      listener(session !== null && status.state !== 'auth_required' ? session : null, mode);
  }

  async function adopt(
    next: DriveSession | null,
    nextMode: DriveMode,
    nextStatus: AuthStatus,
  ): Promise<AuthStatus> {
    const previous = session;
    session = next;
    mode = nextMode;
    if (previous !== null && previous !== next)
      await previous
        .close()
        .catch((e: unknown) => logger.warn('closing the previous drive session failed', e));
    publish(nextStatus);
    notify();
    return nextStatus;
  }

  function authLost(reason: string): void {
    if (session === null || status.state === 'auth_required') return;
    logger.warn(`auth lost: ${reason}`);
    publish({
      state: 'auth_required',
      problem: 'rejected',
      message:
        'The 123pan service no longer accepts the stored credentials or token. Check the connection settings and sign in again; paused transfers resume after that.',
    });
    notify();
  }

  function watch(candidate: DriveSession): void {
    candidate.client.auth.onStatus((s) => {
      if (s.state === 'auth_required' && session === candidate) authLost(s.reason ?? 'no reason given');
    });
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    if (closed) return;
    retryTimer = setTimeout(() => {
      if (status.state === 'auth_required' && status.problem === 'unreachable') void signIn();
    }, RETRY_INTERVAL_MS);
    retryTimer.unref?.();
  }

  async function signInReal(): Promise<AuthStatus> {
    clearTimeout(retryTimer);
    await settings.setUseDemo(false);
    const connection = settings.connection();
    const credentials = toCredentials(connection);
    if (credentials.kind === 'none') {
      const message = settings.encryptionAvailable() ? NO_CREDENTIALS_MESSAGE : NO_ENCRYPTION_MESSAGE;
      return adopt(null, 'real', { state: 'auth_required', problem: 'no_credentials', message });
    }
    const candidate = createRealSession({
      ...options.client,
      baseUrl: options.baseUrl,
      credentials,
      tokenStore: options.tokenStore,
    });
    try {
      const account = toAccount(await candidate.client.user.info());
      await verifyRootFolder(candidate.client, connection.rootFolderId);
      watch(candidate);
      logger.info(`signed in to ${host} as ${account.name}`);
      return await adopt(candidate, 'real', { state: 'signed_in', account });
    } catch (error) {
      const { problem, message } = describeSignInFailure(error, host);
      logger.warn(`sign-in failed (${problem})`, error);
      if (problem === 'unreachable') scheduleRetry();
      return adopt(null, 'real', {
        state: 'auth_required',
        problem,
        message: options.redactor.redact(message),
      });
    }
  }

  async function openDemo(): Promise<AuthStatus> {
    clearTimeout(retryTimer);
    if (session?.mode === 'demo' && status.state === 'demo') return status;
    try {
      const demo = await startDemoSession({
        ...(options.demoClient ?? options.client),
        userData: options.userData,
      });
      const account = toAccount(await demo.client.user.info());
      logger.info('opened the demo drive');
      return await adopt(demo, 'demo', { state: 'demo', account });
    } catch (error) {
      logger.error('the demo drive could not start', error);
      return adopt(null, 'demo', {
        state: 'auth_required',
        problem: 'no_credentials',
        message: `The demo drive could not start. ${NO_CREDENTIALS_MESSAGE}`,
      });
    }
  }

  const signIn = (): Promise<AuthStatus> => serial(signInReal);

  return {
    start: () =>
      serial(async () => {
        if (settings.useDemo() || toCredentials(settings.connection()).kind === 'none') await openDemo();
        else await signInReal();
      }),
    status: () => status,
    signIn,
    signOut: () =>
      serial(async () => {
        await settings.setConnection({ clientSecret: null, accessToken: null, refreshToken: null });
        await options.tokenStore.save(null);
        await settings.setUseDemo(false);
        logger.info('signed out');
        return adopt(null, 'real', {
          state: 'auth_required',
          problem: 'no_credentials',
          message: SIGNED_OUT_MESSAGE,
        });
      }),
    useDemo: () =>
      serial(async () => {
        await settings.setUseDemo(true);
        return openDemo();
      }),
    requireClient() {
      if (session === null || status.state === 'auth_required') {
        throw new ApiException(
          'auth_required',
          status.state === 'auth_required' ? status.message : NO_CREDENTIALS_MESSAGE,
        );
      }
      return session.client;
    },
    mode: () => mode,
    onSession(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async acceptConnection(next) {
      const current = settings.connection();
      const sameCredentials = JSON.stringify(toCredentials(current)) === JSON.stringify(toCredentials(next));
      if (
        next.rootFolderId === current.rootFolderId ||
        !sameCredentials ||
        status.state !== 'signed_in' ||
        session === null
      )
        return;
      await verifyRootFolder(session.client, next.rootFolderId);
    },
    reportAuthFailure: () => authLost('a request was refused'),
    forgetToken: () => options.tokenStore.save(null),
    async refreshAccount() {
      const current = session;
      if (current === null || status.state === 'auth_required') return;
      try {
        const account = toAccount(await current.client.user.info());
        const now = readStatus();
        if (session !== current || now.state === 'auth_required' || sameAccount(account, now.account)) return;
        publish({ state: now.state, account });
      } catch (error) {
        logger.debug('account refresh failed', error);
      }
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await chain;
      const last = session;
      session = null;
      await last?.close();
    },
  };
}

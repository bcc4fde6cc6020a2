/**
 * Who the app is talking to: the real drive (signed in, connecting or not) or the demo drive.
 * Owns the current {@link DriveSession}, the `AuthStatus` the renderer sees, and the
 * transitions between them (serialised, so a double click cannot start two demo servers).
 * Session listeners (files cache, transfer engine) hear about every change.
 *
 * Start-up never waits for the network: with credentials, `start()` answers at once in
 * `connecting` and signs in in the background. An unreachable service is retried with capped
 * backoff; the status says so once the grace period is over and recovers by itself.
 */
import { ApiException, codeOf } from '@pandesk/contract';
import type { AuthStatus } from '@pandesk/contract';
import {
  AUTH_LOST_MESSAGE,
  authRequired,
  CONNECTING_MESSAGE,
  NO_CREDENTIALS_MESSAGE,
  SIGNED_OUT_MESSAGE,
  serviceHost,
  toAccount,
  unreachableStatus,
  verifyRootFolder,
} from './auth-messages';
import type { AuthService, AuthServiceOptions, SessionListener } from './auth-types';
import { sameAccount } from './auth-types';
import { toCredentials } from './credentials';
import { openDemoDrive } from './demo-drive';
import { createRetryTimers } from './retry-timers';
import { attemptSignIn } from './sign-in-attempt';
import { DEFAULT_SIGN_IN_TIMING } from './sign-in-timing';
import type { SignInTiming } from './sign-in-timing';
import type { DriveMode, DriveSession } from '../drive/drive-session';

export type { AuthService, AuthServiceOptions, SessionListener } from './auth-types';

export function createAuthService(options: AuthServiceOptions): AuthService {
  const { settings, events, logger } = options;
  const timing: SignInTiming = { ...DEFAULT_SIGN_IN_TIMING, ...options.timing };
  const timers = createRetryTimers(timing, options.random);
  let status: AuthStatus = authRequired('no_credentials', NO_CREDENTIALS_MESSAGE, {
    reason: 'no_credentials',
  });
  let session: DriveSession | null = null;
  let mode: DriveMode = 'real';
  let chain: Promise<unknown> = Promise.resolve();
  /** Aborts the sign-in attempt under way (close, sign-out, demo, or a newer attempt). */
  let attemptAbort: AbortController | undefined;
  let closed = false;
  const listeners = new Set<SessionListener>();
  /** Reads the status afresh (after an await, TypeScript's narrowing of `status` is stale). */
  const readStatus = (): AuthStatus => status;
  const host = serviceHost(options.baseUrl);

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

  const usable = (): boolean => status.state === 'signed_in' || status.state === 'demo';

  function notify(): void {
    for (const listener of [...listeners]) listener(session !== null && usable() ? session : null, mode);
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
    if (session === null || !usable()) return;
    logger.warn(`auth lost: ${reason}`);
    publish(authRequired('rejected', AUTH_LOST_MESSAGE, { reason: 'auth_lost' }));
    notify();
  }

  function watch(candidate: DriveSession): void {
    candidate.client.auth.onStatus((s) => {
      if (s.state === 'auth_required' && session === candidate) authLost(s.reason ?? 'no reason given');
    });
  }

  /** Stops the attempt under way and any pending retry (another transition takes over). */
  function callOff(): void {
    attemptAbort?.abort();
    attemptAbort = undefined;
    timers.reset();
  }

  function unreachable(message?: string): AuthStatus {
    return unreachableStatus(host, message === undefined ? undefined : options.redactor.redact(message));
  }

  /** Enters `connecting` for the real drive: the previous session goes, listeners hear "no drive". */
  async function beginConnecting(): Promise<void> {
    if (status.state === 'connecting' && mode === 'real') return;
    await adopt(null, 'real', { state: 'connecting' });
  }

  /**
   * One attempt with the stored connection. `background`: a failure to reach the service keeps
   * `connecting` until the grace period is over; otherwise (the user asked) it is told at once.
   */
  async function signInOnce(background: boolean): Promise<AuthStatus> {
    timers.cancelRetry();
    if (closed) return status;
    await settings.setUseDemo(false);
    const connection = settings.connection();
    const credentials = toCredentials(connection);
    if (credentials.kind === 'none') {
      timers.reset();
      const keeps = settings.canKeepSecrets();
      return adopt(
        null,
        'real',
        authRequired('no_credentials', keeps ? NO_CREDENTIALS_MESSAGE : settings.noStorageMessage(), {
          reason: keeps ? 'no_credentials' : 'secret_storage_unavailable',
        }),
      );
    }
    const before = readStatus();
    const unreachableBefore = before.state === 'auth_required' && before.problem === 'unreachable';
    // "Test connection" while signed in keeps the drive usable until the answer is in.
    const keepSession = !background && before.state === 'signed_in';
    if (!keepSession && (!background || !unreachableBefore)) await beginConnecting();
    const abort = new AbortController();
    attemptAbort = abort;
    const outcome = await attemptSignIn({
      client: options.client,
      baseUrl: options.baseUrl,
      host,
      credentials,
      tokenStore: options.tokenStore,
      rootFolderId: connection.rootFolderId,
      requestTimeoutMs: timing.requestTimeoutMs,
      signal: abort.signal,
      logger,
    });
    if (attemptAbort === abort) attemptAbort = undefined;
    if (outcome.kind === 'aborted' || closed) {
      if (outcome.kind === 'signed_in') await outcome.session.close();
      return readStatus();
    }
    if (outcome.kind === 'signed_in') {
      timers.reset();
      watch(outcome.session);
      logger.info(`signed in to ${host} as ${outcome.account.name}`);
      return adopt(outcome.session, 'real', { state: 'signed_in', account: outcome.account });
    }
    if (outcome.problem !== 'unreachable') {
      timers.reset();
      const { problem, message, reason, params, detail } = outcome;
      const facts = { reason, ...(params && { params }), ...(detail && { detail }) };
      return adopt(null, 'real', authRequired(problem, options.redactor.redact(message), facts));
    }
    const delay = timers.retryLater(() => void serial(() => signInOnce(true)));
    logger.info(`next sign-in attempt in ${delay} ms`);
    const now = readStatus();
    if (background && now.state === 'connecting' && !timers.graceOver()) return now;
    if (now.state === 'auth_required' && now.problem === 'unreachable') return now;
    return adopt(null, 'real', unreachable(outcome.message));
  }

  /** Background sign-in from the start: `connecting` now, "unreachable" when the grace period ends. */
  async function connectInBackground(): Promise<void> {
    callOff();
    // Without credentials there is nothing to connect to: say so at once.
    if (toCredentials(settings.connection()).kind === 'none') {
      await signInOnce(false);
      return;
    }
    await beginConnecting();
    timers.startGrace(() => {
      const now = readStatus();
      if (closed || now.state !== 'connecting') return;
      logger.warn(`the 123pan service at ${host} did not answer within ${timing.unreachableAfterMs} ms`);
      publish(unreachable());
    });
    void serial(() => signInOnce(true));
  }

  async function openDemo(): Promise<AuthStatus> {
    callOff();
    if (session?.mode === 'demo' && status.state === 'demo') return status;
    const opened = await openDemoDrive({
      client: options.demoClient ?? options.client,
      userData: options.userData,
      logger,
    });
    return adopt(opened.session, 'demo', opened.status);
  }

  return {
    start: () =>
      serial(async () => {
        if (settings.useDemo() || toCredentials(settings.connection()).kind === 'none') await openDemo();
        else await connectInBackground();
      }),
    status: () => status,
    reconnect() {
      attemptAbort?.abort();
      return serial(connectInBackground);
    },
    signIn() {
      // A newer attempt replaces one under way (e.g. the user pressed "Test connection").
      attemptAbort?.abort();
      return serial(() => {
        timers.reset();
        return signInOnce(false);
      });
    },
    signOut() {
      callOff();
      return serial(async () => {
        callOff();
        await settings.setConnection({ clientSecret: null, accessToken: null, refreshToken: null });
        await options.tokenStore.save(null);
        await settings.setUseDemo(false);
        logger.info('signed out');
        return adopt(
          null,
          'real',
          authRequired('no_credentials', SIGNED_OUT_MESSAGE, { reason: 'signed_out' }),
        );
      });
    },
    useDemo() {
      callOff();
      return serial(async () => {
        await settings.setUseDemo(true);
        return openDemo();
      });
    },
    requireClient() {
      if (session === null || !usable()) {
        if (status.state === 'connecting') throw ApiException.because('still_connecting', CONNECTING_MESSAGE);
        if (status.state !== 'auth_required')
          throw ApiException.because('no_credentials', NO_CREDENTIALS_MESSAGE);
        const { reason = 'no_credentials', params } = status;
        // Waiting for an unreachable service is a network problem; anything else needs the user.
        throw new ApiException(codeOf(reason), status.message, undefined, {
          reason,
          ...(params === undefined ? {} : { params }),
        });
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
      if (current === null || !usable()) return;
      try {
        const account = toAccount(await current.client.user.info());
        const now = readStatus();
        if (session !== current || (now.state !== 'signed_in' && now.state !== 'demo')) return;
        if (sameAccount(account, now.account)) return;
        publish({ state: now.state, account });
      } catch (error) {
        logger.debug('account refresh failed', error);
      }
    },
    async close() {
      closed = true;
      callOff();
      await chain;
      const last = session;
      session = null;
      await last?.close();
    },
  };
}

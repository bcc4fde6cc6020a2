import { PanError, isTransientCode } from '../errors';
import type { AuthHooks } from '../http/core';
import type { Clock } from '@pandesk/contract';
import type {
  AuthListener,
  AuthStatus,
  Credentials,
  MintedToken,
  StoredToken,
  TokenMinter,
  TokenStore,
} from './types';

/**
 * Hands out access tokens for the three credential kinds.
 *
 * Invariants:
 * - A persisted token minted by the same credentials is reused across restarts; a new one is
 *   minted only when it is within `refreshMarginMs` of expiry or was rejected (only 3 tokens
 *   may live per client id, §2.1).
 * - At most one refresh runs at a time; concurrent callers share it.
 * - A rotated OAuth refresh token is saved to the store BEFORE the new access token is used.
 * - A refresh the service refuses (bad credentials, spent refresh token, rejected pasted
 *   token) makes the provider sticky `auth_required` until `setCredentials` is called; it
 *   never loops. Transient failures (network, 429) are reported but are not sticky.
 */
export interface TokenProvider extends AuthHooks {
  setCredentials(credentials: Credentials): void;
  /** Adopt a token obtained elsewhere (OAuth code exchange): persisted, then used. */
  adopt(credentials: Credentials, token: StoredToken): Promise<void>;
  status(): AuthStatus;
  onStatus(listener: AuthListener): () => void;
}

export interface TokenProviderOptions {
  clock: Clock;
  store: TokenStore;
  minter: TokenMinter;
  credentials?: Credentials;
  /** Refresh this long before expiry, ms (default 5 minutes). */
  refreshMarginMs?: number;
}

export function credentialsKey(c: Credentials): string {
  if (c.kind === 'client') return `client:${c.clientId}`;
  if (c.kind === 'oauth') return `oauth:${c.clientId}`;
  return c.kind;
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { clock, store, minter } = options;
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  const listeners = new Set<AuthListener>();
  let creds: Credentials = options.credentials ?? { kind: 'none' };
  let generation = 0;
  let current: StoredToken | null = null;
  let rejected: string | null = null;
  let failure: string | null = null;
  let loading: Promise<void> | null = null;
  let inflight: Promise<StoredToken> | null = null;
  let status: AuthStatus = initialStatus(creds);

  const emit = (next: AuthStatus): void => {
    status = next;
    for (const l of [...listeners]) l(next);
  };
  const fail = (reason: string): PanError => {
    failure = reason;
    emit({ state: 'auth_required', source: creds.kind, reason });
    return new PanError('auth_required', reason);
  };

  const ensureLoaded = (): Promise<void> => {
    if (creds.kind === 'token') {
      current ??= { key: 'token', accessToken: creds.accessToken, expiresAt: creds.expiresAt ?? Infinity };
      return Promise.resolve();
    }
    if (creds.kind === 'none') return Promise.resolve();
    const gen = generation;
    loading ??= store.load().then(
      (stored) => {
        if (gen === generation && current === null && stored && matches(creds, stored)) current = stored;
      },
      () => undefined, // an unreadable store just means we mint a new token
    );
    return loading;
  };

  /** Refresh `margin` before expiry, but never earlier than half-way through a short-lived token. */
  const marginFor = (t: StoredToken): number => {
    if (creds.kind === 'token') return 0;
    return t.issuedAt === undefined ? margin : Math.min(margin, (t.expiresAt - t.issuedAt) / 2);
  };
  const usable = (t: StoredToken | null): boolean =>
    t !== null && t.accessToken !== rejected && clock.now() < t.expiresAt - marginFor(t);

  const mint = async (signal?: AbortSignal): Promise<MintedToken> => {
    if (creds.kind === 'client') return minter.clientCredentials(creds.clientId, creds.clientSecret, signal);
    if (creds.kind !== 'oauth') throw new Error('unreachable: no refreshable credentials');
    const chained =
      current?.refreshToken && current.seedRefreshToken === creds.refreshToken
        ? current.refreshToken
        : creds.refreshToken;
    return minter.oauthRefresh(creds.clientId, creds.clientSecret, chained, signal);
  };

  const refresh = async (): Promise<StoredToken> => {
    const gen = generation;
    const used = creds;
    emit({ state: 'refreshing', source: used.kind });
    let minted: MintedToken;
    try {
      minted = await mint();
    } catch (error) {
      if (gen !== generation) throw error;
      const e = error instanceof PanError ? error : new PanError('network', 'token refresh failed');
      if (isTransientCode(e.code) || e.code === 'aborted') {
        emit({ ...status, state: current ? 'valid' : 'unverified', reason: e.message });
        throw e;
      }
      throw fail(`token refresh refused: ${e.message}`);
    }
    const record: StoredToken = {
      key: credentialsKey(used),
      accessToken: minted.accessToken,
      expiresAt: minted.expiresAt,
      issuedAt: clock.now(),
    };
    if (used.kind === 'oauth') {
      record.refreshToken = minted.refreshToken ?? used.refreshToken;
      record.seedRefreshToken = used.refreshToken;
    }
    if (gen !== generation) throw new PanError('auth_required', 'credentials changed during refresh');
    // Persist first: a rotated refresh token lost to a crash would sign the user out for good.
    const persistFailed = await store.save(record).then(
      () => false,
      () => true,
    );
    if (gen !== generation) throw new PanError('auth_required', 'credentials changed during refresh');
    current = record;
    rejected = null;
    emit({
      state: 'valid',
      source: used.kind,
      expiresAt: record.expiresAt,
      ...(persistFailed ? { persistFailed } : {}),
    });
    return record;
  };

  const getToken = async (signal?: AbortSignal): Promise<string> => {
    for (;;) {
      if (signal?.aborted) throw new PanError('aborted', 'aborted while waiting for a token');
      if (failure) throw new PanError('auth_required', failure);
      if (creds.kind === 'none') throw fail('no credentials configured');
      await ensureLoaded();
      if (current && usable(current)) return current.accessToken;
      if (creds.kind === 'token') {
        throw fail(
          current?.accessToken === rejected ? 'access token rejected by the service' : 'access token expired',
        );
      }
      const gen = generation;
      inflight ??= refresh().finally(() => {
        inflight = null;
      });
      try {
        const record = await raceAbort(inflight, signal);
        if (gen === generation) return record.accessToken;
      } catch (error) {
        if (gen === generation) throw error;
      }
      // The credentials changed while we waited: go round again with the new ones.
    }
  };

  return {
    getToken,
    invalidate(token) {
      if (current?.accessToken === token) rejected = token;
    },
    setCredentials(next) {
      generation += 1;
      creds = next;
      current = null;
      rejected = null;
      failure = null;
      loading = null;
      inflight = null;
      emit(initialStatus(next));
    },
    async adopt(next, token) {
      this.setCredentials(next);
      const persistFailed = await store.save(token).then(
        () => false,
        () => true,
      );
      current = token;
      emit({
        state: 'valid',
        source: next.kind,
        expiresAt: token.expiresAt,
        ...(persistFailed ? { persistFailed } : {}),
      });
    },
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function initialStatus(c: Credentials): AuthStatus {
  return { state: c.kind === 'none' ? 'signed_out' : 'unverified', source: c.kind };
}

function matches(c: Credentials, stored: StoredToken): boolean {
  if (stored.key !== credentialsKey(c)) return false;
  // A different configured refresh token means the user started a new chain.
  return c.kind !== 'oauth' || stored.seedRefreshToken === c.refreshToken;
}

function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new PanError('aborted', 'aborted while waiting for a token'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new PanError('aborted', 'aborted while waiting for a token'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

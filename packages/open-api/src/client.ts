import { createTokenEndpoints, type OAuthCodeExchange } from './auth/token-endpoints';
import { createTokenProvider, credentialsKey } from './auth/token-provider';
import {
  createMemoryTokenStore,
  type AuthListener,
  type AuthStatus,
  type Credentials,
  type TokenStore,
} from './auth/types';
import { createCopyApi, type CopyApi } from './endpoints/copy';
import { createDirectLinkApi, type DirectLinkApi } from './endpoints/direct-link';
import { createDownloadApi, type DownloadApi } from './endpoints/download';
import { createOfflineApi, type OfflineApi } from './endpoints/offline';
import { createSharesApi, type SharesApi } from './endpoints/shares';
import { ensureFolderPath, type EnsurePathOptions } from './endpoints/ensure-path';
import { createListingApi, type ListingApi } from './endpoints/listing';
import { createMutationsApi, type MutationsApi } from './endpoints/mutations';
import { createUploadCalls, type UploadCalls } from './endpoints/upload';
import { createUserApi, type UserApi } from './endpoints/user';
import { createHttpCore, type AttemptReport, type Timeouts } from './http/core';
import { createLimiter } from './http/limiter';
import { createPacer, type PacerOptions } from './http/pacer';
import type { LimitKey, RateFigure, RateTier } from './http/rate-table';
import type { FetchLike } from './http/transport';
import { systemClock, type Clock } from '@pandesk/contract';

export const DEFAULT_API_BASE_URL = 'https://open-api.123pan.com';

export interface PanClientOptions {
  /** API host (default the real one; tests pass fake-pan's `baseUrl`). */
  baseUrl?: string;
  credentials?: Credentials;
  /** Where tokens persist across restarts (default: memory only). */
  tokenStore?: TokenStore;
  fetch?: FetchLike;
  clock?: Clock;
  /** Jitter source in [0, 1) (default Math.random). */
  random?: () => number;
  timeouts?: Partial<Timeouts>;
  /** Backoff tuning (base, cap, budgets). */
  retry?: Omit<PacerOptions, 'random'>;
  /** Starting rate table; `user.info()` switches it from `vipInfo`. */
  tier?: RateTier;
  /** Override per-endpoint figures, or false to disable proactive pacing. */
  rateTable?: Partial<Record<LimitKey, RateFigure>> | false;
  /** Extra gap per limiter window, ms (default 25). */
  rateMarginMs?: number;
  /** Refresh this long before expiry, ms (default 5 minutes). */
  refreshMarginMs?: number;
  /** Told about every HTTP attempt (endpoint, outcome, retry decision); contains no secrets. */
  onAttempt?: (report: AttemptReport) => void;
}

export interface AuthApi {
  setCredentials(credentials: Credentials): void;
  status(): AuthStatus;
  onStatus(listener: AuthListener): () => void;
  /** A valid access token (minted or refreshed if needed). For the app's own diagnostics only. */
  getAccessToken(options?: { signal?: AbortSignal }): Promise<string>;
  /** Finish the OAuth consent flow: exchange the code, persist the tokens, switch to them. */
  signInWithCode(input: OAuthCodeExchange, options?: { signal?: AbortSignal }): Promise<void>;
  /** The consent page URL for the OAuth flow (§2.3). */
  authorizeUrl(input: { clientId: string; redirectUri: string; state: string; base?: string }): string;
}

export interface FilesApi extends ListingApi, MutationsApi, CopyApi {
  /** "mkdir -p" under `rootId` (default 0); returns the id of the last folder. Idempotent. */
  ensureFolderPath(path: string | readonly string[], options?: EnsurePathOptions): Promise<number>;
}

export type UploadApi = UploadCalls;

export interface PanClient {
  auth: AuthApi;
  user: UserApi;
  files: FilesApi;
  upload: UploadApi;
  download: DownloadApi;
  shares: SharesApi;
  directLinks: DirectLinkApi;
  offline: OfflineApi;
  rates: { tier(): RateTier; setTier(tier: RateTier): void };
}

export function createPanClient(options: PanClientOptions = {}): PanClient {
  const clock = options.clock ?? systemClock;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const limiter = createLimiter({
    clock,
    tier: options.tier,
    table: options.rateTable,
    marginMs: options.rateMarginMs,
  });
  const pacer = createPacer({ ...options.retry, random: options.random });
  const store = options.tokenStore ?? createMemoryTokenStore();
  // The provider is created after the core (it mints through it); the core asks for it lazily.
  const core = createHttpCore({
    fetch: fetchImpl,
    clock,
    apiBaseUrl: options.baseUrl ?? DEFAULT_API_BASE_URL,
    limiter,
    pacer,
    timeouts: options.timeouts,
    onAttempt: options.onAttempt,
    auth: () => provider,
  });
  const tokenEndpoints = createTokenEndpoints(core, clock);
  const provider = createTokenProvider({
    clock,
    store,
    minter: tokenEndpoints,
    credentials: options.credentials,
    refreshMarginMs: options.refreshMarginMs,
  });
  const listing = createListingApi(core);
  const mutations = createMutationsApi(core);
  const uploadCalls = createUploadCalls(core, clock, pacer);

  return {
    auth: {
      setCredentials: (c) => provider.setCredentials(c),
      status: () => provider.status(),
      onStatus: (l) => provider.onStatus(l),
      getAccessToken: (o = {}) => provider.getToken(o.signal),
      async signInWithCode(input, o = {}) {
        const minted = await tokenEndpoints.exchangeCode(input, o.signal);
        const credentials: Credentials = {
          kind: 'oauth',
          clientId: input.clientId,
          clientSecret: input.clientSecret,
          refreshToken: minted.refreshToken,
        };
        await provider.adopt(credentials, {
          key: credentialsKey(credentials),
          accessToken: minted.accessToken,
          expiresAt: minted.expiresAt,
          issuedAt: clock.now(),
          refreshToken: minted.refreshToken,
          seedRefreshToken: minted.refreshToken,
        });
      },
      authorizeUrl({ clientId, redirectUri, state, base = 'https://www.123pan.com/auth' }) {
        const q = new URLSearchParams({
          client_id: clientId,
          redirect_uri: redirectUri,
          scope: 'user:base,file:all:read,file:all:write',
          state,
        });
        return `${base}?${q.toString()}`;
      },
    },
    user: createUserApi(core, limiter),
    files: {
      ...listing,
      ...mutations,
      ...createCopyApi(core, clock, pacer),
      ensureFolderPath: (path, o) => ensureFolderPath(listing, mutations, path, o),
    },
    upload: uploadCalls,
    download: createDownloadApi(core),
    shares: createSharesApi(core),
    directLinks: createDirectLinkApi(core),
    offline: createOfflineApi(core, clock, pacer),
    rates: { tier: () => limiter.tier(), setTier: (t) => limiter.setTier(t) },
  };
}

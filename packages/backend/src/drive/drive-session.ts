/**
 * A drive session: an open-api client bound to one drive, either the real 123pan service or
 * the built-in demo drive (fake-pan started in-process on loopback with sample files).
 */
import { join } from 'node:path';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan } from '@pandesk/fake-pan';
import { createMemoryTokenStore, createPanClient } from '@pandesk/open-api';
import type {
  AttemptReport,
  Credentials,
  FetchLike,
  PanClient,
  PanClientOptions,
  TokenStore,
} from '@pandesk/open-api';
import type { BackendTuning } from '../ports';

export type DriveMode = 'real' | 'demo';

export interface DriveSession {
  readonly mode: DriveMode;
  readonly client: PanClient;
  close(): Promise<void>;
}

export interface ClientSettings {
  readonly fetch?: FetchLike;
  readonly tuning?: BackendTuning;
  /** Told about each HTTP attempt (no secrets in it), for the log. */
  readonly onAttempt?: (report: AttemptReport) => void;
}

function clientOptions(settings: ClientSettings): Partial<PanClientOptions> {
  const tuning = settings.tuning ?? {};
  return {
    ...(settings.fetch === undefined ? {} : { fetch: settings.fetch }),
    ...(settings.onAttempt === undefined ? {} : { onAttempt: settings.onAttempt }),
    ...(tuning.rateLimits === false ? { rateTable: false as const } : {}),
    ...(tuning.retryBaseMs === undefined
      ? {}
      : { retry: { baseMs: tuning.retryBaseMs, transportBaseMs: tuning.retryBaseMs } }),
  };
}

/**
 * A short-lived client for one sign-in attempt: every request gives up after
 * `requestTimeoutMs` and is not repeated, not even after "too many requests" (the caller's
 * backoff decides when to try again), so a service that accepts connections and never
 * answers, or keeps answering 429, costs seconds, not minutes. Shares the token store with the
 * session that follows, which reuses the token it minted.
 */
export function createSignInProbe(
  input: {
    baseUrl: string;
    credentials: Credentials;
    tokenStore: TokenStore;
    requestTimeoutMs: number;
  } & ClientSettings,
): PanClient {
  const options = clientOptions(input);
  return createPanClient({
    ...options,
    timeouts: { api: input.requestTimeoutMs },
    retry: { ...options.retry, maxTransport: 0, maxRateLimited: 0 },
    baseUrl: input.baseUrl,
    credentials: input.credentials,
    tokenStore: input.tokenStore,
  });
}

export function createRealSession(
  input: { baseUrl: string; credentials: Credentials; tokenStore: TokenStore } & ClientSettings,
): DriveSession {
  const client = createPanClient({
    ...clientOptions(input),
    baseUrl: input.baseUrl,
    credentials: input.credentials,
    tokenStore: input.tokenStore,
  });
  return { mode: 'real', client, close: async () => undefined };
}

/**
 * Starts the demo drive under `<userData>/demo-drive` (kept across launches, so files the user
 * adds stay). Rate limits are off on both sides: it is a local demo, not an emulation test. The
 * demo account is VIP, so direct links can be tried too. The emulator's `/__fake/*` control
 * endpoint is off: nothing else on the computer can flip its faults or read its state.
 */
export async function startDemoSession(input: { userData: string } & ClientSettings): Promise<DriveSession> {
  const fake: FakePan = await startFakePan({
    seed: 'demo',
    dataDir: join(input.userData, 'demo-drive'),
    port: 0,
    vip: true,
    faults: { rateLimits: false },
    controlRoutes: false,
  });
  const client = createPanClient({
    ...clientOptions({ ...input, tuning: { ...input.tuning, rateLimits: false } }),
    baseUrl: fake.baseUrl,
    credentials: { kind: 'client', clientId: fake.clientId, clientSecret: fake.clientSecret },
    tokenStore: createMemoryTokenStore(),
  });
  return { mode: 'demo', client, close: () => fake.close() };
}

import type { ZodType } from 'zod';
import { PanError } from '../errors';
import type { Clock, ErrorReason } from '@pandesk/contract';
import { classify, type RetryAction } from './classify';
import { decodeEnvelope } from './envelope';
import type { EndpointSpec } from './endpoints';
import type { Limiter } from './limiter';
import type { Pacer } from './pacer';
import { sendOnce, type FetchLike, type SendInput } from './transport';

/** What the pipeline needs from the token provider (kept minimal to avoid a cycle). */
export interface AuthHooks {
  getToken(signal?: AbortSignal): Promise<string>;
  /** Report that `token` was rejected (401); the next `getToken` refreshes once. */
  invalidate(token: string): void;
}

export interface Timeouts {
  /** Ordinary API calls, ms. */
  api: number;
  /** One slice upload, ms. */
  slice: number;
  /** One single-step upload (whole file up to 1 GB), ms. */
  single: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { api: 30_000, slice: 10 * 60_000, single: 60 * 60_000 };

/** A pause before the pipeline repeats a request, so a caller that waits can show why. */
export interface RetryWait {
  /** Why: `rate_limited`, `service_unavailable`, `service_unreachable`, `service_busy`. */
  readonly reason: ErrorReason;
  readonly delayMs: number;
}

/** What every call may take: an abort signal, and a listener told before each repeat. */
export interface CallOptions {
  signal?: AbortSignal;
  onWait?: (wait: RetryWait) => void;
}

export interface CallInput extends SendInput, CallOptions {
  timeoutMs?: number;
  /** Override the endpoint's idempotency for this call (e.g. create with duplicate=overwrite). */
  idempotent?: boolean;
  /** The caller polls on its own budget: hand "verifying" (20103) back instead of retrying. */
  callerPolls?: boolean;
}

export interface HttpCore {
  /** Enveloped JSON call: limiter → token → send → classify → pace → repeat. Returns validated `data`. */
  call<T>(spec: EndpointSpec, schema: ZodType<T>, input?: CallInput): Promise<T>;
  /** Same pipeline with a custom decoder (the flat OAuth answer). */
  callRaw<T>(spec: EndpointSpec, decode: (json: unknown) => T, input?: CallInput): Promise<T>;
}

/**
 * What happened to one HTTP attempt, for the app's log. Deliberately free of URLs, tokens and
 * bodies: safe to write to a file a user may attach to a bug report.
 */
export interface AttemptReport {
  endpoint: string;
  /** 1-based attempt number within one call. */
  attempt: number;
  /** Time from asking for a rate-limit slot to the outcome, ms. */
  ms: number;
  outcome: 'ok' | PanError['code'];
  serviceCode?: number;
  httpStatus?: number;
  action?: RetryAction;
  retryInMs?: number;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; failure: PanError; token: string | undefined };

export interface HttpCoreOptions {
  fetch: FetchLike;
  clock: Clock;
  apiBaseUrl: string;
  platform?: string;
  limiter: Limiter;
  pacer: Pacer;
  timeouts?: Partial<Timeouts>;
  auth: () => AuthHooks;
  onAttempt?: (report: AttemptReport) => void;
}

export function createHttpCore(options: HttpCoreOptions): HttpCore {
  const { clock, limiter, pacer } = options;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const transport = {
    fetch: options.fetch,
    clock,
    apiBaseUrl: options.apiBaseUrl,
    platform: options.platform ?? 'open_platform',
  };

  /** Token first, outside the retry loop's error handling: a failed mint already used its own budget. */
  const tokenFor = (spec: EndpointSpec, signal?: AbortSignal): Promise<string | undefined> =>
    spec.auth ? options.auth().getToken(signal) : Promise.resolve(undefined);

  async function attempt<T>(
    spec: EndpointSpec,
    decode: (json: unknown) => T,
    input: CallInput,
    token: string | undefined,
  ): Promise<T> {
    const timeoutMs = input.timeoutMs ?? timeouts[spec.timeout];
    const json = await sendOnce(transport, spec, input, token, timeoutMs, input.signal);
    return decode(json);
  }

  /** One slot, one token, one exchange. Token failures are thrown; request failures returned. */
  async function once<T>(
    spec: EndpointSpec,
    decode: (json: unknown) => T,
    input: CallInput,
  ): Promise<Outcome<T>> {
    const release = spec.limitKey ? await limiter.acquire(spec.limitKey, input.signal) : () => undefined;
    let token: string | undefined;
    try {
      token = await tokenFor(spec, input.signal);
      return { ok: true, value: await attempt(spec, decode, input, token) };
    } catch (error) {
      if (token === undefined && spec.auth) throw error;
      return { ok: false, failure: toPanError(error, spec.id), token };
    } finally {
      release();
    }
  }

  async function callRaw<T>(
    spec: EndpointSpec,
    decode: (json: unknown) => T,
    input: CallInput = {},
  ): Promise<T> {
    const idempotent = input.idempotent ?? spec.idempotent;
    let failures = 0;
    let reauthed = false;
    for (let n = 1; ; n++) {
      const started = clock.now();
      const outcome = await once(spec, decode, input);
      const report = { endpoint: spec.id, attempt: n, ms: clock.now() - started };
      if (outcome.ok) {
        options.onAttempt?.({ ...report, outcome: 'ok' });
        return outcome.value;
      }
      const { failure, token } = outcome;
      const action = classify(failure, { idempotent, callerPolls: input.callerPolls === true });
      const delay = action === 'retry' ? pacer.next(failure, ++failures) : null;
      options.onAttempt?.({
        ...report,
        outcome: failure.code,
        serviceCode: failure.serviceCode,
        httpStatus: failure.httpStatus,
        action,
        ...(delay !== null ? { retryInMs: delay } : {}),
      });
      if (action === 'reauth') {
        if (token === undefined) throw failure; // a token endpoint refused the credentials
        if (reauthed) throw rejectedAfterRefresh(failure, spec.id);
        reauthed = true;
        options.auth().invalidate(token);
        continue;
      }
      if (delay === null) throw failure;
      input.onWait?.({ reason: failure.reason, delayMs: delay });
      if (failure.code === 'rate_limited' && spec.limitKey)
        limiter.penalize(spec.limitKey, clock.now() + delay);
      else await sleepOrAbort(clock, delay, input.signal, spec.id);
    }
  }

  return {
    callRaw,
    call: (spec, schema, input) => callRaw(spec, (json) => decodeEnvelope(json, schema, spec.id), input),
  };
}

function toPanError(error: unknown, endpoint: string): PanError {
  if (error instanceof PanError) return error;
  const name = error instanceof Error ? error.name : 'unknown';
  return new PanError('bad_response', `${endpoint}: unexpected failure (${name})`, { endpoint });
}

function rejectedAfterRefresh(failure: PanError, endpoint: string): PanError {
  return new PanError('auth_required', `${endpoint}: token rejected again after a refresh`, {
    endpoint,
    serviceCode: failure.serviceCode,
    httpStatus: failure.httpStatus,
    traceId: failure.traceId,
  });
}

async function sleepOrAbort(
  clock: Clock,
  ms: number,
  signal: AbortSignal | undefined,
  endpoint: string,
): Promise<void> {
  try {
    await clock.sleep(ms, signal);
  } catch (reason) {
    throw new PanError('aborted', `${endpoint}: aborted while waiting to retry`, { endpoint, cause: reason });
  }
}

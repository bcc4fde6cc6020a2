/**
 * "Whether to retry" apart from "how long to wait". Network trouble and rate limits are
 * transient: the job waits with capped exponential backoff plus jitter and tries again, without
 * limit, so a lost network resumes by itself; meanwhile the item shows "waiting for network".
 * Everything else is the caller's to handle. The whole policy, layer by layer: README.md.
 */
import type { ErrorReason, TransferError, TransferPhase } from '@pandesk/contract';
import { errorFields, NO_ERROR } from './item-error';
import type { JobContext } from './job-context';
import { DriveError } from './ports';
import type { WaitListener } from './ports';
import { backoffMs } from './util/backoff';

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * Failures of the transport itself (fetch throws TypeError; undici's request() throws errors
 * coded UND_ERR_*, of which only an abort or a bad argument is not the network's fault) or
 * the backend saying so.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof StallError) return true;
  if (error instanceof DriveError) return error.kind === 'network' || error.kind === 'rate_limited';
  if (error instanceof HttpStatusError) return error.status === 429 || error.status >= 500;
  if (error instanceof TypeError) return true; // fetch: "fetch failed", "terminated"
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  if (code.startsWith('UND_ERR_')) return code !== 'UND_ERR_ABORTED' && code !== 'UND_ERR_INVALID_ARG';
  return TRANSIENT_CODES.has(code);
}

/** Nothing arrived on a download connection for too long: the network went away silently. */
export class StallError extends Error {
  constructor() {
    super('The download connection stalled.');
    this.name = 'StallError';
  }
}

/** A CDN answer with an unexpected HTTP status. */
export class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`The download server answered HTTP ${status}.`);
    this.name = 'HttpStatusError';
  }
}

/** Why a transient failure makes the item wait, in the shared reasons. */
export function waitReason(error: unknown): ErrorReason {
  if (error instanceof DriveError) {
    if (error.kind === 'rate_limited') return 'rate_limited';
    return error.facts.reason ?? 'service_unreachable';
  }
  if (error instanceof HttpStatusError) return error.status === 429 ? 'rate_limited' : 'service_unavailable';
  return 'network_lost';
}

const WAIT_WORDS: Partial<Record<ErrorReason, string>> = {
  rate_limited: 'The service asked to slow down; continuing by itself.',
  service_unavailable: 'The service answered with a server error; continuing by itself.',
  service_busy: 'The service is still checking the file; continuing by itself.',
};

/** What a waiting item shows: phase `waiting_network` and a retryable error naming the reason. */
export function showWaiting(ctx: JobContext, reason: ErrorReason): void {
  const shown: TransferError = {
    code: reason === 'rate_limited' ? 'rate_limited' : 'network',
    reason,
    message: WAIT_WORDS[reason] ?? 'Waiting for the network, then continuing by itself.',
    retryable: true,
  };
  const current = ctx.item;
  ctx.setPhase('waiting_network');
  if (current.errorReason === shown.reason && current.errorCode === shown.code) return;
  ctx.update(errorFields(shown));
}

/**
 * Shows the item waiting (phase `waiting_network`, a retryable error with the reason) and
 * sleeps the backoff of `attempt` (0-based). Rejects when the job is aborted.
 */
export async function waitToRetry(ctx: JobContext, attempt: number, error: unknown): Promise<void> {
  const delay = backoffMs(attempt, ctx.tuning.backoffBaseMs, ctx.tuning.backoffCapMs, ctx.random);
  showWaiting(ctx, waitReason(error));
  await ctx.clock.sleep(delay, ctx.signal);
}

/** Clears what waitToRetry showed, once the operation went through. */
export function doneWaiting(ctx: JobContext, phase: TransferPhase): void {
  ctx.update(NO_ERROR);
  ctx.setPhase(phase);
}

/**
 * Runs `op` until it succeeds or fails with a non-transient error. While waiting (here, or
 * inside the backend, which reports its own repeats through the listener handed to `op`) the
 * item shows phase `waiting_network` and the reason; both clear on success.
 */
export async function withRetry<T>(
  ctx: JobContext,
  phase: TransferPhase,
  op: (onWait: WaitListener) => Promise<T>,
): Promise<T> {
  let waited = false;
  const onWait: WaitListener = (wait) => {
    if (ctx.signal.aborted) return;
    waited = true;
    showWaiting(ctx, wait.reason);
  };
  for (let attempt = 0; ; attempt++) {
    ctx.signal.throwIfAborted();
    try {
      const out = await op(onWait);
      if (waited) doneWaiting(ctx, phase);
      return out;
    } catch (error) {
      if (ctx.signal.aborted || !isTransient(error)) throw error;
      waited = true;
      await waitToRetry(ctx, attempt, error);
    }
  }
}

/**
 * "Whether to retry" apart from "how long to wait". Network trouble and rate limits are
 * transient: the job waits with capped exponential backoff plus jitter and tries again, without
 * limit, so a lost network resumes by itself; meanwhile the item shows "waiting for network".
 * Everything else is the caller's to handle. The whole policy, layer by layer: README.md.
 */
import type { TransferPhase } from '@pandesk/contract';
import type { JobContext } from './job-context';
import { DriveError } from './ports';
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

/**
 * Shows the item waiting (phase `waiting_network`, a retryable `network` or `rate_limited`
 * error) and sleeps the backoff of `attempt` (0-based). Rejects when the job is aborted.
 */
export async function waitToRetry(ctx: JobContext, attempt: number, error: unknown): Promise<void> {
  const delay = backoffMs(attempt, ctx.tuning.backoffBaseMs, ctx.tuning.backoffCapMs, ctx.random);
  const limited = error instanceof DriveError && error.kind === 'rate_limited';
  ctx.setPhase('waiting_network');
  ctx.update({
    errorCode: limited ? 'rate_limited' : 'network',
    errorMessage: limited
      ? 'The service asked to slow down; retrying.'
      : 'Network problem; waiting for the network, then continuing automatically.',
    errorRetryable: true,
  });
  await ctx.clock.sleep(delay, ctx.signal);
}

/** Clears what waitToRetry showed, once the operation went through. */
export function doneWaiting(ctx: JobContext, phase: TransferPhase): void {
  ctx.update({ errorCode: null, errorMessage: null, errorRetryable: false });
  ctx.setPhase(phase);
}

/**
 * Runs `op` until it succeeds or fails with a non-transient error. While waiting the item
 * shows phase `waiting_network` and a retryable `network` error; both clear on success.
 */
export async function withRetry<T>(ctx: JobContext, phase: TransferPhase, op: () => Promise<T>): Promise<T> {
  let waited = false;
  for (let attempt = 0; ; attempt++) {
    ctx.signal.throwIfAborted();
    try {
      const out = await op();
      if (waited) doneWaiting(ctx, phase);
      return out;
    } catch (error) {
      if (ctx.signal.aborted || !isTransient(error)) throw error;
      waited = true;
      await waitToRetry(ctx, attempt, error);
    }
  }
}

import type { PanError } from '../errors';

/**
 * The one place that decides how long to wait before repeating a request, and when to stop.
 * (Whether to repeat at all is `classify`'s job; the proactive pace is the limiter's.)
 *
 * - rate_limited: exponential from `baseMs`, doubled per failure, +0–25 % jitter, capped at
 *   `capMs` (about 30 s). A 429 means our pace and the service's disagree, so we back off hard.
 * - processing (20103): the service says "retry in about a second": 1–1.25 s by default.
 * - network / timeout / server: exponential from `transportBaseMs`, same jitter and cap, at most
 *   `maxTransport` (2) repeats: a blip is absorbed here within about a second; a longer outage
 *   is the caller's to wait out (the transfer engine waits for the network without limit; see
 *   packages/transfer/README.md, "Retry policy"), so the two layers never multiply into minutes.
 * - completion polls (upload_complete answering "not yet"): `pollMs` apart (the docs say about
 *   1 s), at most `completionPolls` polls (60, like OpenList).
 */
export interface Pacer {
  /** Delay in ms before attempt `failures + 1`, or null when the budget for this error is spent. */
  next(error: PanError, failures: number): number | null;
  /**
   * Pause before poll `polls + 1` of a job the service finishes on its own time
   * (upload_complete "not yet"), or null when the poll budget is spent. `override` carries a
   * caller's own budget or interval.
   */
  poll(polls: number, override?: { budget?: number; intervalMs?: number }): number | null;
}

export interface PacerOptions {
  random?: () => number;
  baseMs?: number;
  transportBaseMs?: number;
  capMs?: number;
  /** Pause after a "verifying" (20103) answer, ms (the service asks for about 1 s). */
  processingMs?: number;
  /** Failures tolerated before giving up: rate limits and "verifying" answers. */
  maxRateLimited?: number;
  /** Failures tolerated before giving up: transport trouble. */
  maxTransport?: number;
  /** Pause between completion polls, ms (default 1000). */
  pollMs?: number;
  /** Completion polls before giving up (default 60). */
  completionPolls?: number;
}

export function createPacer(options: PacerOptions = {}): Pacer {
  const random = options.random ?? Math.random;
  const base = options.baseMs ?? 500;
  const transportBase = options.transportBaseMs ?? 250;
  const cap = options.capMs ?? 30_000;
  const processing = options.processingMs ?? 1000;
  const maxRate = options.maxRateLimited ?? 10;
  const maxTransport = options.maxTransport ?? 2;
  const pollMs = options.pollMs ?? 1000;
  const completionPolls = options.completionPolls ?? 60;

  const backoff = (start: number, failures: number): number => {
    const exp = start * 2 ** Math.max(0, failures - 1);
    return Math.round(Math.min(cap, exp * (1 + 0.25 * random())));
  };

  return {
    next(error, failures) {
      switch (error.code) {
        case 'rate_limited':
          return failures > maxRate ? null : backoff(base, failures);
        case 'processing':
          return failures > maxRate ? null : Math.round(processing * (1 + 0.25 * random()));
        default:
          return failures > maxTransport ? null : backoff(transportBase, failures);
      }
    },
    poll(polls, override = {}) {
      return polls >= (override.budget ?? completionPolls) ? null : (override.intervalMs ?? pollMs);
    },
  };
}

/**
 * How long signing in may wait for the service, and when to try again. Start-up never waits
 * for the network: the status says `connecting` while attempts run in the background, turns to
 * "unreachable, retrying" once the grace period is over, and recovers by itself when an attempt
 * succeeds. Tests shorten every figure through `BackendTuning.signIn`.
 */

export interface SignInTiming {
  /** Longest wait for one answer from the service while signing in, ms. */
  readonly requestTimeoutMs: number;
  /** How long the status may stay `connecting` before it says the service is unreachable, ms. */
  readonly unreachableAfterMs: number;
  /** Pause before the first retry, ms; it doubles with every failure in a row. */
  readonly retryBaseMs: number;
  /** Longest pause between two attempts, ms. */
  readonly retryCapMs: number;
}

export const DEFAULT_SIGN_IN_TIMING: SignInTiming = {
  requestTimeoutMs: 5000,
  unreachableAfterMs: 20_000,
  retryBaseMs: 1000,
  retryCapMs: 30_000,
};

/**
 * The pause before the next attempt after `failures` (≥ 1) failed ones in a row: doubling from
 * `retryBaseMs`, capped at `retryCapMs`, with "equal jitter" (half fixed, half random) so many
 * clients cut off together do not all come back in the same second. `random` is in [0, 1).
 */
export function retryDelayMs(failures: number, timing: SignInTiming, random: () => number): number {
  const exponential = timing.retryBaseMs * 2 ** Math.max(0, failures - 1);
  const capped = Math.min(timing.retryCapMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}

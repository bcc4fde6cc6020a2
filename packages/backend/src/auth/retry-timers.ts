/**
 * The two timers of background sign-in: the grace period after which `connecting` turns into
 * "unreachable, retrying", and the next attempt after a failure (capped exponential backoff
 * with jitter). Uses the global timers (unref'd, so they never keep a process alive); tests
 * drive them with vitest's fake timers.
 */
import { retryDelayMs } from './sign-in-timing';
import type { SignInTiming } from './sign-in-timing';

export interface RetryTimers {
  /** Starts the grace period (again); `onOver` runs once when it ends, unless `reset` came first. */
  startGrace(onOver: () => void): void;
  /** True once the grace period has ended (or none was started since the last reset). */
  graceOver(): boolean;
  /** Counts one more failure and runs `attempt` after the backoff; answers the pause in ms. */
  retryLater(attempt: () => void): number;
  /** A pending retry, if any, is dropped (the next attempt starts now for another reason). */
  cancelRetry(): void;
  /** Success or a definite answer: forgets the failures and drops both timers. */
  reset(): void;
}

export function createRetryTimers(timing: SignInTiming, random: () => number = Math.random): RetryTimers {
  let failures = 0;
  let grace: ReturnType<typeof setTimeout> | undefined;
  let graceRunning = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const cancelRetry = (): void => {
    clearTimeout(retry);
    retry = undefined;
  };

  return {
    startGrace(onOver) {
      clearTimeout(grace);
      graceRunning = true;
      grace = setTimeout(() => {
        graceRunning = false;
        onOver();
      }, timing.unreachableAfterMs);
      grace.unref?.();
    },
    graceOver: () => !graceRunning,
    retryLater(attempt) {
      cancelRetry();
      failures += 1;
      const delay = retryDelayMs(failures, timing, random);
      retry = setTimeout(() => {
        retry = undefined;
        attempt();
      }, delay);
      retry.unref?.();
      return delay;
    },
    cancelRetry,
    reset() {
      failures = 0;
      cancelRetry();
      clearTimeout(grace);
      graceRunning = false;
    },
  };
}

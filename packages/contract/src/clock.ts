/**
 * Time, injected so code that waits (backoff, polling, token expiry) runs on a manual clock in
 * tests and in any JavaScript host. `now` is epoch milliseconds; `sleep` resolves after `ms`, or
 * rejects with the signal's reason as soon as `signal` aborts (at once if it already has).
 * The manual clock for tests is `createManualClock` in `@pandesk/contract/testing`.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after ms; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

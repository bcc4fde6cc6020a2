/**
 * A clock for engine tests: every sleep resolves on the next turn of the event loop and moves
 * virtual time forward, so backoff and polling cost no real time. For time that moves only when
 * a test says so, use `createManualClock` from `@pandesk/contract/testing`.
 */
import type { Clock } from '@pandesk/contract';

export function createFastClock(start = 1_700_000_000_000): Clock & { readonly slept: number } {
  let now = start;
  let slept = 0;
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        setImmediate(() => {
          if (signal?.aborted) return reject(signal.reason as Error);
          now += ms;
          slept += ms;
          resolve();
        });
      });
    },
    get slept() {
      return slept;
    },
  };
}

/**
 * Token bucket for bytes. `take(n)` resolves once n bytes may pass; the rate can change live
 * (waiters re-check at least every 250 ms). Rate 0 means unlimited. Burst = one second of rate.
 */
import type { Clock } from '../ports';

export interface RateLimiter {
  /** Waits until `bytes` may pass. Large requests are let through in rate-sized pieces. */
  take(bytes: number, signal?: AbortSignal): Promise<void>;
  setRate(bytesPerSecond: number): void;
  readonly rate: number;
}

const MAX_WAIT_MS = 250;

export function createRateLimiter(clock: Clock, bytesPerSecond: number): RateLimiter {
  let rate = Math.max(0, bytesPerSecond);
  let tokens = rate;
  let last = clock.now();
  /** Serialises waiters so they are served in arrival order. */
  let queue: Promise<void> = Promise.resolve();

  const refill = (): void => {
    const now = clock.now();
    tokens = Math.min(rate, tokens + ((now - last) / 1000) * rate);
    last = now;
  };

  const takeOne = async (bytes: number, signal?: AbortSignal): Promise<void> => {
    let remaining = bytes;
    while (remaining > 0 && rate > 0) {
      signal?.throwIfAborted();
      refill();
      const piece = Math.min(remaining, rate);
      if (tokens >= piece) {
        tokens -= piece;
        remaining -= piece;
        continue;
      }
      const waitMs = Math.ceil(((piece - tokens) / rate) * 1000);
      await clock.sleep(Math.max(1, Math.min(MAX_WAIT_MS, waitMs)), signal);
    }
  };

  return {
    take(bytes, signal) {
      if (rate === 0 || bytes <= 0) return Promise.resolve();
      const run = queue.then(() => takeOne(bytes, signal));
      queue = run.catch(() => undefined);
      return run;
    },
    setRate(next) {
      refill();
      rate = Math.max(0, next);
      tokens = Math.min(tokens, rate);
    },
    get rate() {
      return rate;
    },
  };
}

/**
 * Clocks for tests. `createManualClock`: time moves only through `advance(ms)`, which fires
 * due sleepers in order. `createFastClock`: every sleep resolves on the next turn of the event
 * loop and moves virtual time forward, so backoff and polling cost no real time.
 */
import type { Clock } from '../ports';

interface Sleeper {
  at: number;
  resolve: () => void;
}

export interface ManualClock extends Clock {
  advance(ms: number): Promise<void>;
  /** Sleepers not yet due. */
  pending(): number;
}

export function createManualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let sleepers: Sleeper[] = [];
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        const sleeper: Sleeper = { at: now + Math.max(0, ms), resolve };
        sleepers.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers = sleepers.filter((s) => s !== sleeper);
            reject(signal.reason as Error);
          },
          { once: true },
        );
      });
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = sleepers.filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        sleepers = sleepers.filter((s) => s !== due);
        now = Math.max(now, due.at);
        due.resolve();
        for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      }
      now = target;
    },
    pending: () => sleepers.length,
  };
}

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

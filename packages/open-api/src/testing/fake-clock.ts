import type { Clock } from '../util/clock';

/**
 * A virtual clock for unit tests: nothing sleeps for real. With `auto` on (the default), whenever
 * the process is otherwise idle (checked with setImmediate, which runs after all pending
 * promise callbacks), time jumps to the earliest pending sleep and wakes it. Deterministic.
 */
export interface FakeClock extends Clock {
  /** Move time forward by `ms`, waking due sleepers in order. */
  advance(ms: number): Promise<void>;
  pending(): number;
  /** Re-check for idleness now (call when `busy` turns false). */
  poke(): void;
}

export interface FakeClockOptions {
  /**
   * While this returns true (e.g. a real HTTP exchange is in flight), time does not jump: real
   * I/O takes no virtual time, so only the code's own waits are measured. Call `poke()` when
   * it turns false.
   */
  busy?: () => boolean;
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export function createFakeClock(
  start = Date.UTC(2026, 0, 1),
  auto = true,
  options: FakeClockOptions = {},
): FakeClock {
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];
  let ticking = false;

  const fireDue = (): void => {
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    while (timers.length > 0 && timers[0]!.at <= now) timers.shift()!.resolve();
  };
  /**
   * Jump only after a few idle macrotask turns: promise work (including in-memory Blob and
   * stream reads in Node) always finishes within them, so a pending answer is never overtaken
   * by its own timeout.
   */
  const IDLE_TURNS = 3;
  const kick = (): void => {
    if (!auto || ticking) return;
    ticking = true;
    let idle = 0;
    const hop = (): void => {
      if (++idle < IDLE_TURNS) {
        setImmediate(hop);
        return;
      }
      ticking = false;
      if (timers.length === 0 || options.busy?.()) return;
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      now = Math.max(now, timers[0]!.at);
      fireDue();
      kick();
    };
    setImmediate(hop);
  };

  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const timer: Timer = {
          at: now + Math.max(0, ms),
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          timers = timers.filter((t) => t !== timer);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
        kick();
      });
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > target) break;
        now = next.at;
        fireDue();
        await new Promise((r) => setImmediate(r));
      }
      now = target;
    },
    pending: () => timers.length,
    poke: kick,
  };
}

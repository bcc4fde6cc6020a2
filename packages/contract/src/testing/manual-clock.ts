import type { Clock } from '../clock';

/**
 * A clock for tests: nothing sleeps for real, and time moves only when the test says so
 * (`advance`) or, with `auto`, whenever nothing else is left to do. Deterministic either way.
 */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, waking due sleepers in order, each at its own due time. */
  advance(ms: number): Promise<void>;
  /** Sleepers not yet woken. */
  pending(): number;
  /** With `auto`: re-check for idleness now (call when `busy` turns false). */
  poke(): void;
}

export interface ManualClockOptions {
  /** Epoch milliseconds at the start (default 2026-01-01T00:00:00Z). */
  start?: number;
  /**
   * Whenever the process is otherwise idle (a few event-loop turns with no new sleeper), jump
   * to the earliest pending sleep and wake it, so code that backs off or polls runs to its end
   * without the test advancing by hand. Default false.
   */
  auto?: boolean;
  /**
   * With `auto`: while this returns true (e.g. a real HTTP exchange is in flight), time does
   * not jump, so real I/O takes no virtual time and only the code's own waits are measured.
   * Call `poke()` when it turns false.
   */
  busy?: () => boolean;
}

interface Sleeper {
  at: number;
  seq: number;
  wake: () => void;
}

/** One turn of the event loop: after pending promise callbacks and I/O callbacks. */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

/**
 * Idle turns before an automatic jump: promise work (including in-memory Blob and stream reads
 * in Node) always finishes within them, so a pending answer is never overtaken by its timeout.
 */
const IDLE_TURNS = 3;

export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  let now = options.start ?? Date.UTC(2026, 0, 1);
  let seq = 0;
  let sleepers: Sleeper[] = [];
  let ticking = false;

  const byDueTime = (a: Sleeper, b: Sleeper): number => a.at - b.at || a.seq - b.seq;
  const wakeDue = (): void => {
    sleepers.sort(byDueTime);
    while (sleepers.length > 0 && sleepers[0]!.at <= now) sleepers.shift()!.wake();
  };

  const kick = (): void => {
    if (options.auto !== true || ticking) return;
    ticking = true;
    void (async () => {
      for (let turn = 0; turn < IDLE_TURNS; turn++) await nextTurn();
      ticking = false;
      if (sleepers.length === 0 || options.busy?.() === true) return;
      sleepers.sort(byDueTime);
      now = Math.max(now, sleepers[0]!.at);
      wakeDue();
      kick();
    })();
  };

  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const onAbort = (): void => {
          sleepers = sleepers.filter((s) => s !== sleeper);
          reject(signal?.reason);
        };
        const sleeper: Sleeper = {
          at: now + Math.max(0, ms),
          seq: seq++,
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.push(sleeper);
        kick();
      });
    },
    async advance(ms) {
      const target = now + ms;
      for (;;) {
        sleepers.sort(byDueTime);
        const next = sleepers[0];
        if (next === undefined || next.at > target) break;
        now = next.at;
        wakeDue();
        await nextTurn();
      }
      now = target;
    },
    pending: () => sleepers.length,
    poke: kick,
  };
}

/**
 * The running side of the sync service: per pair, its live state (what it is doing, its
 * problem, its next run), the timer of its schedule, its watcher, and at most one run at a time
 * (a request during a run is kept and done after it, folder scopes merged). Lost sign-in puts a
 * pair in `waiting`; a network failure retries with growing pauses.
 */
import type { SyncPairState, SyncProblem } from '@pandesk/contract';
import type { Watcher } from '../local/watch';
import { watchFolder } from '../local/watch';
import type { RunDeps } from '../run/pair-run';
import { runPair } from '../run/pair-run';
import { stopsTheRun, syncProblem } from '../run/problem';
import { nextRunAt } from './schedule';
import { scopeOf } from './scope';

export interface Live {
  state: SyncPairState;
  problem: SyncProblem | null;
  nextRunAt: number | null;
  timer: NodeJS.Timeout | null;
  abort: AbortController | null;
  running: Promise<void> | null;
  again: { scope: string[] | null; manual: boolean } | null;
  stopWatch: (() => Promise<void>) | null;
  retryMs: number;
}

export interface PairRunnerOptions {
  readonly deps: RunDeps;
  readonly watch?: Watcher;
  readonly watchDebounceMs?: number;
  /** First pause after a network failure, ms (doubles up to 10 minutes). */
  readonly retryBaseMs?: number;
  /** Something changed that the pairs' views show: now, or soon (progress). */
  announce(): void;
  announceSoon(): void;
  onError?(error: unknown, context: string): void;
}

export interface PairRunner {
  live(id: string): Live;
  lives(): IterableIterator<[string, Live]>;
  forget(id: string): void;
  /** Sets the pair's timer: after `delayMs`, or when its schedule says. */
  arm(id: string, delayMs?: number): void;
  /** Starts or stops the pair's watcher as its schedule and pause want. */
  syncWatcher(id: string): Promise<void>;
  /** Runs the pair now (or after its current run); `scope` null is the whole pair. */
  request(id: string, scope: string[] | null, manual: boolean): void;
  /** Aborts the pair's run and waits for it to end. */
  stopRun(id: string): Promise<void>;
  online(): boolean;
  setOnline(online: boolean): void;
  close(): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_RETRY_MS = 10 * 60_000;

export function createPairRunner(options: PairRunnerOptions): PairRunner {
  const { deps, announce } = options;
  const { store } = deps;
  const watch = options.watch ?? watchFolder;
  const retryBase = options.retryBaseMs ?? 30_000;
  const lives = new Map<string, Live>();
  let online = true;
  let closed = false;

  const live = (id: string): Live => {
    let l = lives.get(id);
    if (!l) {
      l = {
        state: 'idle',
        problem: null,
        nextRunAt: null,
        timer: null,
        abort: null,
        running: null,
        again: null,
        stopWatch: null,
        retryMs: retryBase,
      };
      lives.set(id, l);
    }
    return l;
  };

  function arm(id: string, delayMs?: number): void {
    const l = live(id);
    if (l.timer) clearTimeout(l.timer);
    l.timer = null;
    const pair = store.pairs.get(id);
    if (!pair || pair.paused || closed || l.running) {
      l.nextRunAt = null;
      return;
    }
    const now = deps.now();
    const at = delayMs !== undefined ? now + delayMs : nextRunAt(pair.config.schedule, pair.checkedAt, now);
    l.nextRunAt = at;
    l.timer = setTimeout(
      () => {
        l.timer = null;
        if (deps.now() + 1000 < at) arm(id, at - deps.now());
        else request(id, null, false);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, at - now)),
    );
    l.timer.unref?.();
  }

  async function syncWatcher(id: string): Promise<void> {
    const l = live(id);
    const pair = store.pairs.get(id);
    const wanted =
      pair !== undefined && !pair.paused && pair.config.schedule.kind === 'continuous' && !closed;
    if (!wanted && l.stopWatch) {
      const stop = l.stopWatch;
      l.stopWatch = null;
      await stop();
    } else if (wanted && !l.stopWatch) {
      l.stopWatch = watch(
        pair.config.localPath,
        (paths) => request(id, scopeOf(paths, store.base.load(id)), false),
        { debounceMs: options.watchDebounceMs ?? 3000, onError: (e) => options.onError?.(e, 'sync watcher') },
      );
    }
  }

  /** After a run: the request kept during it, a network retry, or the schedule. */
  function afterRun(id: string, l: Live): void {
    l.running = null;
    l.abort = null;
    const again = l.again;
    l.again = null;
    if (again && !closed) request(id, again.scope, again.manual);
    else if (l.state === 'waiting' && l.problem?.code === 'network') {
      arm(id, l.retryMs);
      l.retryMs = Math.min(MAX_RETRY_MS, l.retryMs * 2);
    } else if (l.state !== 'waiting') arm(id);
    announce();
  }

  function request(id: string, scope: string[] | null, manual: boolean): void {
    const pair = store.pairs.get(id);
    const l = live(id);
    if (!pair || closed || (pair.paused && !manual)) return;
    if (l.running) {
      const wasFull = l.again !== null && l.again.scope === null;
      const scopes = wasFull || scope === null ? null : [...(l.again?.scope ?? []), ...scope];
      l.again = { scope: scopes, manual: manual || (l.again?.manual ?? false) };
      return;
    }
    if (!online) {
      l.state = 'waiting';
      l.problem = syncProblem({ kind: 'state', reason: 'sync_waits_for_sign_in' });
      announce();
      return;
    }
    if (l.timer) clearTimeout(l.timer);
    l.timer = null;
    l.nextRunAt = null;
    const abort = new AbortController();
    l.abort = abort;
    l.running = (async () => {
      try {
        const result = await runPair(deps, pair, {
          signal: abort.signal,
          scope,
          manual,
          onPhase(phase) {
            l.state = phase;
            announce();
          },
          onProgress: options.announceSoon,
        });
        l.state = result === 'awaiting_confirmation' ? 'awaiting_confirmation' : 'idle';
        l.problem = null;
        l.retryMs = retryBase;
      } catch (error) {
        if (abort.signal.aborted) {
          l.state = 'idle';
        } else if (stopsTheRun(error)) {
          l.state = 'waiting';
          l.problem = syncProblem({ kind: 'error', error });
        } else {
          l.state = 'idle';
          l.problem = syncProblem({ kind: 'error', error });
          options.onError?.(error, 'sync run');
        }
      }
    })().finally(() => afterRun(id, l));
    announce();
  }

  async function stopRun(id: string): Promise<void> {
    const l = live(id);
    l.again = null;
    l.abort?.abort();
    await l.running?.catch(() => undefined);
  }

  return {
    live,
    lives: () => lives.entries(),
    forget(id) {
      const l = lives.get(id);
      if (l?.timer) clearTimeout(l.timer);
      lives.delete(id);
    },
    arm,
    syncWatcher,
    request,
    stopRun,
    online: () => online,
    setOnline(next) {
      if (online === next) return;
      online = next;
      if (!online) return announce();
      for (const pair of store.pairs.list()) {
        const l = live(pair.id);
        if (l.state === 'waiting') {
          l.state = 'idle';
          l.problem = null;
          l.retryMs = retryBase;
          request(pair.id, null, false);
        }
      }
      announce();
    },
    async close() {
      closed = true;
      for (const [id, l] of lives) {
        if (l.timer) clearTimeout(l.timer);
        await stopRun(id);
        if (l.stopWatch) await l.stopWatch();
      }
    },
  };
}

/**
 * The pairs of one drive, kept running by the back end with or without a window: each pair
 * runs on its schedule (and, when continuous, a few seconds after local changes), one run at a
 * time per pair; a run left open by a crash is resumed at start. Lost sign-in or network puts
 * running pairs in `waiting`; they catch up when it is back (network: retried with growing
 * pauses). Every change of state is announced with the whole list of pairs.
 */
import { randomUUID } from 'node:crypto';
import type {
  AddSyncPairInput,
  SyncConflict,
  SyncConflictChoice,
  SyncPairState,
  SyncPairView,
  SyncPlanView,
  SyncProblem,
  SyncRunView,
  UpdateSyncPairInput,
} from '@pandesk/contract';
import { MAX_PLAN_ACTIONS_SHOWN, SYNC_HISTORY_LENGTH } from '@pandesk/contract';
import type { Watcher } from '../local/watch';
import { watchFolder } from '../local/watch';
import { countActions, isVisible } from '../plan/actions';
import type { PlanAction } from '../plan/actions';
import { toActionView } from '../store/run-store';
import type { RunDeps } from '../run/pair-run';
import { runPair } from '../run/pair-run';
import { planPair } from '../run/plan-pair';
import { stopsTheRun, syncProblem } from '../run/problem';
import type { SyncStore } from '../store/sync-store';
import { checkNewPair } from './new-pair';
import { SyncUserError } from './user-error';
import { conflictSteps } from './conflict-steps';
import { nextRunAt } from './schedule';
import { scopeOf } from './scope';
import { EMPTY_SCAN, pairView, planView, runView } from './views';

export interface SyncServiceOptions extends Omit<RunDeps, 'store'> {
  readonly store: SyncStore;
  readonly watch?: Watcher;
  readonly watchDebounceMs?: number;
  /** Told about every change, with all pairs. */
  onChange(pairs: readonly SyncPairView[]): void;
  onError?(error: unknown, context: string): void;
  /** First pause after a network failure, ms (doubles up to 10 minutes). */
  readonly retryBaseMs?: number;
}

export interface SyncService {
  start(): void;
  list(): SyncPairView[];
  add(input: AddSyncPairInput): Promise<SyncPairView>;
  update(input: UpdateSyncPairInput): SyncPairView;
  remove(id: string): Promise<void>;
  runNow(id: string): void;
  dryRun(id: string): Promise<SyncPlanView>;
  plan(id: string): SyncPlanView | null;
  confirmPlan(id: string, planId: string, accept: boolean): void;
  conflicts(id: string): SyncConflict[];
  resolveConflict(id: string, conflictId: string, choice: SyncConflictChoice): void;
  history(id: string): SyncRunView[];
  pauseAll(paused: boolean): void;
  /** Sign-in (and so the cloud) is available or not. */
  setOnline(online: boolean): void;
  /** Resolves when no pair is running. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

interface Live {
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

const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_RETRY_MS = 10 * 60_000;

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { store } = options;
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
  const pairOr404 = (id: string) => {
    const pair = store.pairs.get(id);
    if (!pair) throw new SyncUserError('not_found', 'There is no such sync pair.');
    return pair;
  };
  const views = (): SyncPairView[] => store.pairs.list().map((p) => pairView(store, p, live(p.id)));
  let announceTimer: NodeJS.Timeout | null = null;
  const announce = (): void => {
    if (closed) return;
    if (announceTimer) clearTimeout(announceTimer);
    announceTimer = null;
    options.onChange(views());
  };
  /** Progress is announced at most twice a second. */
  const announceSoon = (): void => {
    announceTimer ??= setTimeout(announce, 500);
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
    const now = options.now();
    const at = delayMs !== undefined ? now + delayMs : nextRunAt(pair.config.schedule, pair.checkedAt, now);
    l.nextRunAt = at;
    l.timer = setTimeout(
      () => {
        l.timer = null;
        if (options.now() + 1000 < at) arm(id, at - options.now());
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
      l.problem = { code: 'auth_required', message: 'Waits for the drive to be signed in again.' };
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
        const result = await runPair({ ...options, store }, pair, {
          signal: abort.signal,
          scope,
          manual,
          onPhase(phase) {
            l.state = phase;
            announce();
          },
          onProgress: announceSoon,
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
    })().finally(() => {
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
    });
    announce();
  }

  async function stopRun(id: string): Promise<void> {
    const l = live(id);
    l.again = null;
    l.abort?.abort();
    await l.running?.catch(() => undefined);
  }

  function startStoredRun(pairId: string, actions: PlanAction[]): void {
    store.runs.create(
      {
        id: randomUUID(),
        pairId,
        startedAt: options.now(),
        state: 'running',
        counts: countActions(actions),
        reason: null,
        problems: [],
        scan: null,
      },
      actions,
    );
    request(pairId, null, true);
  }

  return {
    start() {
      for (const pair of store.pairs.list()) {
        void syncWatcher(pair.id);
        // A run left open by a crash resumes at once; others wait for their time.
        if (store.runs.open(pair.id)?.state === 'running') request(pair.id, null, false);
        else arm(pair.id);
      }
      announce();
    },
    list: views,
    async add(input) {
      const checked = await checkNewPair(input, store.pairs.list());
      const id = randomUUID();
      store.pairs.add({
        id,
        config: input,
        paused: false,
        createdAt: options.now(),
        caseInsensitive: checked.caseInsensitive,
      });
      await syncWatcher(id);
      request(id, null, false);
      return pairView(store, pairOr404(id), live(id));
    },
    update(input) {
      const pair = pairOr404(input.id);
      const { id, paused, ...patch } = input;
      const config = { ...pair.config, ...patch };
      store.pairs.setConfig(id, config);
      if (paused !== undefined && paused !== pair.paused) {
        store.pairs.setPaused(id, paused);
        if (paused) void stopRun(id);
      }
      void syncWatcher(id);
      if (!live(id).running) arm(id);
      announce();
      return pairView(store, pairOr404(id), live(id));
    },
    async remove(id) {
      pairOr404(id);
      await stopRun(id);
      const l = live(id);
      if (l.timer) clearTimeout(l.timer);
      if (l.stopWatch) await l.stopWatch();
      lives.delete(id);
      store.durably(() => {
        store.runs.dropPair(id);
        store.base.dropPair(id);
        store.pairs.remove(id);
      });
      announce();
    },
    runNow(id) {
      pairOr404(id);
      request(id, null, true);
    },
    async dryRun(id) {
      const pair = pairOr404(id);
      const planned = await planPair({ ...options, store }, pair, null, new AbortController().signal);
      const visible = planned.plan.actions.filter(isVisible);
      return {
        pairId: id,
        planId: `dry-${randomUUID()}`,
        createdAt: options.now(),
        counts: countActions(planned.plan.actions),
        actions: visible
          .slice(0, MAX_PLAN_ACTIONS_SHOWN)
          .map((action, seq) =>
            toActionView({ runId: '', seq, action, state: 'pending', batchId: null, error: null }),
          ),
        totalActions: visible.length,
        reason: null,
        problems: planned.problems,
        scan: planned.scan ?? EMPTY_SCAN,
      };
    },
    plan(id) {
      pairOr404(id);
      const open = store.runs.open(id);
      return open?.state === 'awaiting_confirmation' ? planView(store, open) : null;
    },
    confirmPlan(id, planId, accept) {
      pairOr404(id);
      const open = store.runs.open(id);
      if (open?.id !== planId || open.state !== 'awaiting_confirmation')
        throw new SyncUserError('not_found', 'This plan is no longer waiting; look at the pair again.');
      if (accept) {
        store.runs.setState(planId, 'running');
        request(id, null, true);
      } else {
        store.runs.discard(planId);
        live(id).state = 'idle';
        arm(id);
      }
      announce();
    },
    conflicts: (id) => (pairOr404(id), store.runs.conflicts(id)),
    resolveConflict(id, conflictId, choice) {
      pairOr404(id);
      const conflict = store.runs.conflicts(id).find((c) => c.id === conflictId);
      if (!conflict) throw new SyncUserError('not_found', 'This conflict was already resolved.');
      if (live(id).running || store.runs.open(id))
        throw new SyncUserError('unsupported', 'The pair is busy; try again when its run is over.');
      const steps = choice === 'keep_both' ? [] : conflictSteps(store.base, id, conflict, choice);
      store.runs.dropConflict(conflictId);
      if (steps.length > 0) startStoredRun(id, steps);
      announce();
    },
    history: (id) => (
      pairOr404(id),
      store.runs.history(id, SYNC_HISTORY_LENGTH).map((r) => runView(store, r))
    ),
    pauseAll(paused) {
      for (const pair of store.pairs.list()) {
        if (pair.paused === paused) continue;
        store.pairs.setPaused(pair.id, paused);
        if (paused) void stopRun(pair.id);
        void syncWatcher(pair.id);
        if (!paused) arm(pair.id);
      }
      announce();
    },
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
    async whenIdle() {
      for (;;) {
        const running = [...lives.values()]
          .map((l) => l.running)
          .filter((r): r is Promise<void> => r !== null);
        if (running.length === 0) return;
        await Promise.all(running.map((r) => r.catch(() => undefined)));
      }
    },
    async close() {
      closed = true;
      if (announceTimer) clearTimeout(announceTimer);
      for (const [id, l] of lives) {
        if (l.timer) clearTimeout(l.timer);
        await stopRun(id);
        if (l.stopWatch) await l.stopWatch();
      }
    },
  };
}

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
  SyncPairView,
  SyncPlanView,
  SyncRunView,
  UpdateSyncPairInput,
} from '@pandesk/contract';
import { SYNC_HISTORY_LENGTH } from '@pandesk/contract';
import type { Watcher } from '../local/watch';
import { countActions } from '../plan/actions';
import type { PlanAction } from '../plan/actions';
import type { RunDeps } from '../run/pair-run';
import type { SyncStore } from '../store/sync-store';
import { conflictSteps } from './conflict-steps';
import { dryRunView } from './dry-run';
import { checkNewPair } from './new-pair';
import { createPairRunner } from './pair-runner';
import { SyncUserError } from './user-error';
import { pairView, planView, runView } from './views';

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

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { store } = options;
  let closed = false;
  const pairOr404 = (id: string) => {
    const pair = store.pairs.get(id);
    if (!pair) throw new SyncUserError('sync_pair_not_found', 'There is no such sync pair.');
    return pair;
  };
  const views = (): SyncPairView[] => store.pairs.list().map((p) => pairView(store, p, runner.live(p.id)));
  let announceTimer: NodeJS.Timeout | null = null;
  const announce = (): void => {
    if (closed) return;
    if (announceTimer) clearTimeout(announceTimer);
    announceTimer = null;
    options.onChange(views());
  };
  const runner = createPairRunner({
    deps: { ...options, store },
    ...(options.watch === undefined ? {} : { watch: options.watch }),
    ...(options.watchDebounceMs === undefined ? {} : { watchDebounceMs: options.watchDebounceMs }),
    ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
    announce,
    // Progress is announced at most twice a second.
    announceSoon: () => void (announceTimer ??= setTimeout(announce, 500)),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
  const { live, arm, request, stopRun, syncWatcher } = runner;

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
      const stopWatch = live(id).stopWatch;
      runner.forget(id);
      if (stopWatch) await stopWatch();
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
    dryRun: async (id) => dryRunView({ ...options, store }, pairOr404(id)),
    plan(id) {
      pairOr404(id);
      const open = store.runs.open(id);
      return open?.state === 'awaiting_confirmation' ? planView(store, open) : null;
    },
    confirmPlan(id, planId, accept) {
      pairOr404(id);
      const open = store.runs.open(id);
      if (open?.id !== planId || open.state !== 'awaiting_confirmation')
        throw new SyncUserError('sync_plan_gone', 'The plan is no longer waiting.');
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
      if (!conflict) throw new SyncUserError('sync_conflict_gone', 'The conflict was already settled.');
      if (live(id).running || store.runs.open(id))
        throw new SyncUserError('sync_pair_busy', 'The pair is running.');
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
    setOnline: (next) => runner.setOnline(next),
    async whenIdle() {
      for (;;) {
        const running = [...runner.lives()]
          .map(([, l]) => l.running)
          .filter((r): r is Promise<void> => r !== null);
        if (running.length === 0) return;
        await Promise.all(running.map((r) => r.catch(() => undefined)));
      }
    },
    async close() {
      closed = true;
      if (announceTimer) clearTimeout(announceTimer);
      await runner.close();
    },
  };
}

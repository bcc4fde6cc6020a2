/**
 * Sync pairs in memory for UI tests: adding a pair leaves a first plan waiting (one upload per
 * planned file the test gives), confirming it completes a run, conflicts can be seeded and
 * resolved, and every change is announced with `sync:changed` as the back end does.
 */
import { EMPTY_SYNC_COUNTS, fail, ok } from '@pandesk/contract';
import type {
  SyncProblem,
  PanDeskEventHub,
  Result,
  SyncAction,
  SyncApi,
  SyncConflict,
  SyncPairView,
  SyncPlanView,
  SyncRunView,
} from '@pandesk/contract';

type Call = <I, O>(
  name: string,
  handler: (input: I) => Result<O> | Promise<Result<O>>,
) => (input?: I) => Promise<Result<O>>;

export interface FakeSync {
  readonly api: SyncApi;
  /** Paths the next added pair's first plan uploads. */
  planFiles: string[];
  addConflict(pairId: string, path: string, copyPath: string): SyncConflict;
  /** Gives a pair a problem and item problems, as a run would. */
  setProblems(pairId: string, problem: SyncProblem | null, itemProblems: readonly SyncProblem[]): void;
  pairs(): readonly SyncPairView[];
}

export function createFakeSync(hub: PanDeskEventHub, call: Call): FakeSync {
  let pairs: SyncPairView[] = [];
  const plans = new Map<string, SyncPlanView>();
  const conflicts = new Map<string, SyncConflict[]>();
  const runs = new Map<string, SyncRunView[]>();
  let next = 1;
  const emit = (): void => hub.emit('sync:changed', { pairs });
  const find = (id: string): SyncPairView | undefined => pairs.find((p) => p.id === id);
  const patch = (id: string, change: Partial<SyncPairView>): void => {
    pairs = pairs.map((p) => (p.id === id ? { ...p, ...change } : p));
    emit();
  };
  const missing = (): Result<never> => fail('not_found', 'There is no such sync pair.');
  const makePlan = (pairId: string, files: readonly string[]): SyncPlanView => {
    const actions: SyncAction[] = files.map((path) => ({
      kind: 'upload',
      path,
      size: 10,
      replaces: false,
      state: 'pending',
    }));
    return {
      pairId,
      planId: `plan-${next++}`,
      createdAt: 1_700_000_000_000,
      counts: { ...EMPTY_SYNC_COUNTS, uploads: files.length, bytesUp: files.length * 10 },
      actions,
      totalActions: actions.length,
      reason: 'first_run',
      problems: [],
      scan: { folders: 1, listCalls: 1, minSeconds: 0.2 },
    };
  };
  const fake: FakeSync = {
    planFiles: ['a.txt'],
    pairs: () => pairs,
    addConflict(pairId, path, copyPath) {
      const c: SyncConflict = { id: `c-${next++}`, path, copyPath, detectedAt: 1_700_000_000_000 };
      conflicts.set(pairId, [...(conflicts.get(pairId) ?? []), c]);
      patch(pairId, { openConflicts: conflicts.get(pairId)?.length ?? 0 });
      return c;
    },
    setProblems(pairId, problem, itemProblems) {
      patch(pairId, { problem, itemProblems });
    },
    api: {
      list: call('sync.list', () => ok(pairs)),
      add: call('sync.add', (config) => {
        const id = `pair-${next++}`;
        const plan = makePlan(id, fake.planFiles);
        plans.set(id, plan);
        const pair: SyncPairView = {
          id,
          config,
          paused: false,
          state: 'awaiting_confirmation',
          progress: null,
          lastRun: null,
          nextRunAt: null,
          problem: null,
          itemProblems: [],
          openConflicts: 0,
          scan: plan.scan,
          pendingPlanId: plan.planId,
        };
        pairs = [...pairs, pair];
        emit();
        return ok(pair);
      }),
      update: call('sync.update', ({ id, paused, ...config }) => {
        const pair = find(id);
        if (!pair) return missing();
        patch(id, {
          config: { ...pair.config, ...config },
          ...(paused === undefined ? {} : { paused, state: paused ? 'paused' : 'idle' }),
        });
        return ok(find(id) as SyncPairView);
      }),
      remove: call('sync.remove', ({ id }) => {
        if (!find(id)) return missing();
        pairs = pairs.filter((p) => p.id !== id);
        emit();
        return ok(null);
      }),
      runNow: call('sync.runNow', ({ id }) =>
        find(id) ? (patch(id, { state: 'scanning' }), ok(null)) : missing(),
      ),
      dryRun: call('sync.dryRun', ({ id }) =>
        find(id) ? ok({ ...makePlan(id, fake.planFiles), reason: null }) : missing(),
      ),
      plan: call('sync.plan', ({ id }) => (find(id) ? ok(plans.get(id) ?? null) : missing())),
      confirmPlan: call('sync.confirmPlan', ({ id, planId, accept }) => {
        const plan = plans.get(id);
        if (!plan || plan.planId !== planId) return fail('not_found', 'This plan is no longer waiting.');
        plans.delete(id);
        const run: SyncRunView = {
          id: planId,
          startedAt: plan.createdAt,
          finishedAt: plan.createdAt + 1000,
          outcome: 'completed',
          counts: plan.counts,
          failedActions: 0,
          error: null,
        };
        if (accept) runs.set(id, [run, ...(runs.get(id) ?? [])]);
        patch(id, { state: 'idle', pendingPlanId: null, ...(accept ? { lastRun: run } : {}) });
        return ok(null);
      }),
      conflicts: call('sync.conflicts', ({ id }) => (find(id) ? ok(conflicts.get(id) ?? []) : missing())),
      resolveConflict: call('sync.resolveConflict', ({ id, conflictId }) => {
        const list = conflicts.get(id) ?? [];
        if (!list.some((c) => c.id === conflictId)) return fail('not_found', 'Already resolved.');
        conflicts.set(
          id,
          list.filter((c) => c.id !== conflictId),
        );
        patch(id, { openConflicts: list.length - 1 });
        return ok(null);
      }),
      history: call('sync.history', ({ id }) => (find(id) ? ok(runs.get(id) ?? []) : missing())),
      pauseAll: call('sync.pauseAll', ({ paused }) => {
        pairs = pairs.map((p) => ({ ...p, paused, state: paused ? 'paused' : 'idle' }));
        emit();
        return ok(null);
      }),
    },
  };
  return fake;
}

/** The contract's views of pairs, plans and runs, read from the store and the live state. */
import type {
  SyncPairState,
  SyncPairView,
  SyncPlanView,
  SyncProblem,
  SyncRunView,
  SyncScanCost,
} from '@pandesk/contract';
import { MAX_PLAN_ACTIONS_SHOWN } from '@pandesk/contract';
import type { PairRecord } from '../store/pair-store';
import type { RunRecord } from '../store/run-store';
import type { SyncStore } from '../store/sync-store';

export interface LiveView {
  readonly state: SyncPairState;
  readonly nextRunAt: number | null;
  readonly problem: SyncProblem | null;
}

export function runView(store: SyncStore, run: RunRecord): SyncRunView {
  const states = store.runs.stateCounts(run.id);
  return {
    id: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    outcome: run.outcome,
    counts: run.counts,
    failedActions: states.failed + states.skipped,
    error: run.error,
  };
}

export function pairView(store: SyncStore, pair: PairRecord, live: LiveView): SyncPairView {
  const [last] = store.runs.history(pair.id, 1);
  const open = store.runs.open(pair.id);
  let progress: SyncPairView['progress'] = null;
  if (open?.state === 'running') {
    const c = store.runs.stateCounts(open.id);
    progress = { done: c.done + c.failed + c.skipped, total: c.done + c.failed + c.skipped + c.pending };
  }
  const state: SyncPairState = pair.paused
    ? 'paused'
    : open?.state === 'awaiting_confirmation' && live.state !== 'scanning'
      ? 'awaiting_confirmation'
      : live.state;
  return {
    id: pair.id,
    config: pair.config,
    paused: pair.paused,
    state,
    progress,
    lastRun: last === undefined ? null : runView(store, last),
    nextRunAt: pair.paused ? null : live.nextRunAt,
    problem: live.problem,
    itemProblems: pair.itemProblems.slice(0, 20),
    openConflicts: store.runs.conflicts(pair.id).length,
    scan: pair.scan,
    pendingPlanId: open?.state === 'awaiting_confirmation' ? open.id : null,
  };
}

export function planView(store: SyncStore, run: RunRecord): SyncPlanView {
  const counts = store.runs.stateCounts(run.id);
  return {
    pairId: run.pairId,
    planId: run.id,
    createdAt: run.startedAt,
    counts: run.counts,
    actions: store.runs.actionsPage(run.id, MAX_PLAN_ACTIONS_SHOWN),
    totalActions: counts.pending + counts.done + counts.failed + counts.skipped,
    reason: run.reason,
    problems: run.problems,
    scan: run.scan ?? EMPTY_SCAN,
  };
}

export const EMPTY_SCAN: SyncScanCost = { folders: 0, listCalls: 0, minSeconds: 0 };

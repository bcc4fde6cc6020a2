/**
 * One run of a pair: resume the run a crash or lost sign-in left open, else scan and plan;
 * store the plan (run and steps in one transaction); wait for confirmation when it is the
 * pair's first or would trash or replace more than the pair allows; else do it and record the
 * outcome. A run that finds nothing to do leaves no history, only the time it checked.
 */
import { randomUUID } from 'node:crypto';
import type { SyncPlanReason, SyncProblem, SyncRunOutcome } from '@pandesk/contract';
import { SYNC_HISTORY_LENGTH } from '@pandesk/contract';
import { countActions, isDestructive, isVisible } from '../plan/actions';
import type { LocalTrash, SyncTransfers } from '../ports';
import type { PairRecord } from '../store/pair-store';
import type { RunRecord } from '../store/run-store';
import { executeRun } from './execute';
import type { PlanDeps } from './plan-pair';
import { planPair } from './plan-pair';
import { syncProblem } from './problem';

export interface RunDeps extends PlanDeps {
  readonly transfers: SyncTransfers;
  readonly trash: LocalTrash;
}

export type RunResult = 'nothing' | 'awaiting_confirmation' | 'finished';

export interface RunHooks {
  readonly signal: AbortSignal;
  /** Scope folders for a run started by the watcher; null: the whole pair. */
  readonly scope: readonly string[] | null;
  /** A user's "run now": replaces a plan waiting for confirmation. */
  readonly manual: boolean;
  onPhase(phase: 'scanning' | 'running'): void;
  onProgress(): void;
}

export function whyConfirm(
  deps: RunDeps,
  pair: PairRecord,
  destructive: number,
  visible: number,
): SyncPlanReason | null {
  const firstRun = deps.store.runs.history(pair.id, 1).length === 0 && deps.store.base.count(pair.id) === 0;
  if (firstRun && visible > 0) return 'first_run';
  return destructive > pair.config.confirmAbove ? 'above_threshold' : null;
}

/** Does a stored run's steps and records how it ended. Lost sign-in or network: thrown, run left open. */
export async function finishRun(
  deps: RunDeps,
  pair: PairRecord,
  run: RunRecord,
  hooks: RunHooks,
): Promise<void> {
  if (run.state !== 'running') deps.store.runs.setState(run.id, 'running');
  hooks.onPhase('running');
  await executeRun({
    pair,
    root: pair.config.localPath,
    runId: run.id,
    store: deps.store,
    remote: deps.remote,
    transfers: deps.transfers,
    trash: deps.trash,
    signal: hooks.signal,
    now: () => deps.now(),
    onProgress: () => hooks.onProgress(),
  });
  const counts = deps.store.runs.stateCounts(run.id);
  const outcome: SyncRunOutcome = counts.failed + counts.skipped > 0 ? 'partial' : 'completed';
  const error: SyncProblem | null =
    outcome === 'partial'
      ? syncProblem({
          kind: 'state',
          reason: 'sync_steps_not_done',
          params: { count: counts.failed + counts.skipped },
        })
      : null;
  deps.store.runs.finish(run.id, deps.now(), outcome, error);
  deps.store.runs.prune(pair.id, SYNC_HISTORY_LENGTH);
}

export async function runPair(deps: RunDeps, pair: PairRecord, hooks: RunHooks): Promise<RunResult> {
  const open = deps.store.runs.open(pair.id);
  if (open?.state === 'running') {
    await finishRun(deps, pair, open, hooks);
    return 'finished';
  }
  if (open?.state === 'awaiting_confirmation') {
    if (!hooks.manual) return 'awaiting_confirmation';
    deps.store.runs.discard(open.id);
  }
  hooks.onPhase('scanning');
  const planned = await planPair(deps, pair, hooks.scope, hooks.signal);
  deps.store.pairs.setChecked(
    pair.id,
    deps.now(),
    planned.full ? planned.scan : null,
    planned.problems.slice(0, 100),
  );
  const { actions } = planned.plan;
  if (actions.length === 0) return 'nothing';
  const visible = actions.filter(isVisible).length;
  const reason = whyConfirm(deps, pair, actions.filter(isDestructive).length, visible);
  const id = randomUUID();
  deps.store.runs.create(
    {
      id,
      pairId: pair.id,
      startedAt: deps.now(),
      state: reason === null ? 'running' : 'awaiting_confirmation',
      counts: countActions(actions),
      reason,
      problems: planned.problems.slice(0, 100),
      scan: planned.scan,
    },
    actions,
  );
  if (reason !== null) return 'awaiting_confirmation';
  await finishRun(deps, pair, deps.store.runs.get(id) as RunRecord, hooks);
  return 'finished';
}

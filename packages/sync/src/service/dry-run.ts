/** A dry run: the plan a run would make now, shown and never stored or done. */
import { randomUUID } from 'node:crypto';
import type { SyncPlanView } from '@pandesk/contract';
import { MAX_PLAN_ACTIONS_SHOWN } from '@pandesk/contract';
import { countActions, isVisible } from '../plan/actions';
import type { PlanDeps } from '../run/plan-pair';
import { planPair } from '../run/plan-pair';
import type { PairRecord } from '../store/pair-store';
import { toActionView } from '../store/run-store';
import { EMPTY_SCAN } from './views';

export async function dryRunView(deps: PlanDeps, pair: PairRecord): Promise<SyncPlanView> {
  const planned = await planPair(deps, pair, null, new AbortController().signal);
  const visible = planned.plan.actions.filter(isVisible);
  return {
    pairId: pair.id,
    planId: `dry-${randomUUID()}`,
    createdAt: deps.now(),
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
}

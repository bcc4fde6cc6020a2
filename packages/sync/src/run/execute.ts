/**
 * Does a stored run's pending steps, in plan order: the steps outside the transfer phase one
 * after the other, then every transfer at once. Steps that only write the base (records and
 * forgets, thousands on a first run) are done many to one fsync'd transaction: they touch
 * nothing outside it, so a crash loses all of a group or none, and the group is done again. A failure of one step is recorded on it and
 * the run goes on; lost sign-in or network stops the run where it is (it is resumed later), as
 * does an abort (the app closing, the pair paused).
 */
import { rm } from 'node:fs/promises';
import { phaseOf } from '../plan/actions';
import type { PlanAction } from '../plan/actions';
import type { StoredAction } from '../store/run-store';
import type { RunContext } from './run-context';
import { stagingDir, runTransfers } from './transfer-phase';
import { runStep, writeBase } from './steps';
import { stopsTheRun, syncProblem } from './problem';

/** Base-only steps per transaction. */
const BASE_GROUP = 500;

type BaseOnly = Extract<PlanAction, { kind: 'record' | 'forget' }>;
const isBaseOnly = (a: PlanAction): a is BaseOnly => a.kind === 'record' || a.kind === 'forget';

/** The base-only steps from `from` on, as many as follow each other (at most BASE_GROUP). */
function baseGroup(steps: readonly StoredAction[], from: number): StoredAction[] {
  const group: StoredAction[] = [];
  for (let i = from; i < steps.length && group.length < BASE_GROUP; i++) {
    const step = steps[i] as StoredAction;
    if (!isBaseOnly(step.action)) break;
    group.push(step);
  }
  return group;
}

export async function executeRun(ctx: RunContext): Promise<void> {
  const pending = ctx.store.runs.actions(ctx.runId, ['pending']);
  const steps = pending.filter((s) => phaseOf(s.action) !== 'transfer');
  for (let i = 0; i < steps.length; i++) {
    ctx.signal.throwIfAborted();
    const group = baseGroup(steps, i);
    if (group.length > 0) {
      ctx.store.durably(() => {
        for (const step of group) {
          writeBase(ctx, step.action as BaseOnly);
          ctx.store.runs.markAction(ctx.runId, step.seq, 'done');
        }
      });
      i += group.length - 1;
      ctx.onProgress();
      continue;
    }
    const stored = steps[i] as StoredAction;
    let recorded = false;
    try {
      const result = await runStep(ctx, stored.action, (write) => {
        ctx.store.durably(() => {
          write();
          ctx.store.runs.markAction(ctx.runId, stored.seq, 'done');
        });
        recorded = true;
      });
      if (!recorded)
        ctx.store.durably(() =>
          ctx.store.runs.markAction(ctx.runId, stored.seq, result.state, result.error ?? null),
        );
    } catch (error) {
      if (stopsTheRun(error) || ctx.signal.aborted) throw error;
      const problem = syncProblem({ kind: 'error', error }, stored.action.path);
      ctx.store.durably(() => ctx.store.runs.markAction(ctx.runId, stored.seq, 'failed', problem));
    }
    ctx.onProgress();
  }
  const transfers = pending.filter((s) => phaseOf(s.action) === 'transfer');
  await runTransfers(ctx, transfers);
  const batches = new Set(
    ctx.store.runs.actions(ctx.runId).flatMap((s) => (s.batchId === null ? [] : [s.batchId])),
  );
  for (const batchId of batches) await rm(stagingDir(ctx.root, batchId), { recursive: true, force: true });
}

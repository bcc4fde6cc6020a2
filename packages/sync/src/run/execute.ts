/**
 * Does a stored run's pending steps, in plan order: the steps outside the transfer phase one
 * after the other, then every transfer at once. A failure of one step is recorded on it and
 * the run goes on; lost sign-in or network stops the run where it is (it is resumed later), as
 * does an abort (the app closing, the pair paused).
 */
import { rm } from 'node:fs/promises';
import { phaseOf } from '../plan/actions';
import type { RunContext } from './run-context';
import { stagingDir, runTransfers } from './transfer-phase';
import { runStep } from './steps';
import { stopsTheRun, syncProblem } from './problem';

export async function executeRun(ctx: RunContext): Promise<void> {
  const pending = ctx.store.runs.actions(ctx.runId, ['pending']);
  for (const stored of pending) {
    if (phaseOf(stored.action) === 'transfer') continue;
    ctx.signal.throwIfAborted();
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
      ctx.store.durably(() => ctx.store.runs.markAction(ctx.runId, stored.seq, 'failed', problem.message));
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

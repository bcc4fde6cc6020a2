/**
 * Offline (cloud) download tasks (reference §9): each task fetches its URL in the background,
 * with `process` (0-100, one decimal) following the bytes received, and places the result as a
 * new file in its folder.
 *
 * - States: running → success, or running → failed; with fault `offlineRetries` > 0 a failed
 *   fetch waits `offlineRetryDelayMs` on the emulator's clock in state "retrying" and starts over.
 * - `process` is 100 only on success; without a Content-Length it stays 0 until then.
 * - Failure: unreachable host, a non-2xx answer, a body cut short, the folder gone or trashed
 *   meanwhile, or no room left (quota). Nothing is placed then.
 * - The name is the task's `fileName`, else one from the answer (`offline-fetch.ts`); a name taken
 *   in the folder gets a `keepBothSuffix` name (the service picks names here, not the caller).
 * - With a `callBackUrl`, the final state is POSTed there as JSON
 *   `{taskID, status, process, fileID}` (`status` numbered like `process`, `fileID` 0 on failure;
 *   the body is undocumented, so this shape is the emulator's own); its answer is ignored.
 * Tasks persist in `<dataDir>/offline-tasks.json`; unfinished ones start over after a restart.
 */
import type { FakePanContext } from '../http/context';
import type { Background } from './background';
import { fetchToStore } from './offline-fetch';
import type { RecordStore } from './record-store';

export type OfflineState = 'running' | 'failed' | 'success' | 'retrying';

export interface OfflineTask {
  taskID: number;
  url: string;
  dirId: number;
  fileName?: string;
  callBackUrl?: string;
  state: OfflineState;
  process: number;
  fileId?: number;
  /** Why it failed (kept for tests and the state file; the API shows only `status`). */
  reason?: string;
}

const CALLBACK_TIMEOUT_MS = 10_000;

/** The `status` number of a state under switch `offlineStatusCodes`. */
export function offlineStatusCode(ctx: FakePanContext, state: OfflineState): number {
  if (ctx.switches.offlineStatusCodes === '0success-1failed-2running') {
    return { success: 0, failed: 1, running: 2, retrying: 2 }[state];
  }
  return { running: 0, failed: 1, success: 2, retrying: 3 }[state];
}

function place(ctx: FakePanContext, task: OfflineTask, md5: string, size: number, suggested: string): number {
  const { state } = ctx;
  state.requireLiveFolder(task.dirId);
  if (state.spaceUsed() + size > ctx.faults.quotaBytes) throw new Error(ctx.switches.quotaExceededMessage);
  const name = state.uniqueName(task.dirId, task.fileName ?? suggested);
  return state.createFile({ parentId: task.dirId, name, md5, size }).id;
}

async function attempt(
  ctx: FakePanContext,
  task: OfflineTask,
  store: RecordStore<OfflineTask>,
  signal: AbortSignal,
): Promise<void> {
  task.process = 0;
  const fetched = await fetchToStore(new URL(task.url), ctx.content, signal, ({ received, total }) => {
    if (total === undefined || total === 0) return;
    // Never 100 before the file is placed: 100 means done (§9).
    task.process = Math.min(99.9, Math.floor((received / total) * 1000) / 10);
    store.changed();
  });
  task.fileId = place(ctx, task, fetched.blob.md5, fetched.blob.size, fetched.suggestedName);
}

async function notify(ctx: FakePanContext, task: OfflineTask, signal: AbortSignal): Promise<void> {
  if (!task.callBackUrl) return;
  const timeout = AbortSignal.timeout(CALLBACK_TIMEOUT_MS);
  try {
    const res = await fetch(task.callBackUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        taskID: task.taskID,
        status: offlineStatusCode(ctx, task.state),
        process: task.process,
        fileID: task.fileId ?? 0,
      }),
      signal: AbortSignal.any([signal, timeout]),
    });
    await res.body?.cancel();
  } catch {
    // The service does not care whether the callback was heard.
  }
}

/** Runs a task to its end (or until close), retrying per the faults. */
export function startOfflineTask(
  ctx: FakePanContext,
  task: OfflineTask,
  store: RecordStore<OfflineTask>,
  background: Background,
): void {
  void background.run(async (signal) => {
    for (let tries = 0; ; tries++) {
      task.state = 'running';
      store.changed();
      try {
        await attempt(ctx, task, store, signal);
        task.state = 'success';
        task.process = 100;
        delete task.reason;
        break;
      } catch (err) {
        if (signal.aborted) return;
        task.reason = err instanceof Error ? err.message : String(err);
        if (tries >= ctx.faults.offlineRetries) {
          task.state = 'failed';
          break;
        }
        task.state = 'retrying';
        store.changed();
        await ctx.clock.sleep(ctx.faults.offlineRetryDelayMs, signal);
      }
    }
    store.changed();
    await notify(ctx, task, signal);
  });
}

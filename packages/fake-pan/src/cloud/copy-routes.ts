/**
 * Copy endpoints (reference §5.5):
 * - `POST /api/v1/file/copy {fileId, targetDirId}` (synchronous, one file) →
 *   `{targetFileId: <new id>}` (key per switch `copyResultKey`). A folder is refused (code 1): the
 *   single copy is documented for one file, folders go through the async copy. With switch
 *   `copyOneAvailable` off the path answers like an unknown route (HTTP 404).
 * - `POST /api/v1/file/async/copy {fileIDs|fileIds, targetDirId}` (1..3000 ids, files and folders)
 *   → `{taskId}`; `GET /api/v1/file/async/copy/process?taskId=` → `{taskId, status}` with
 *   0 pending, 1 running, 2 done, 3 failed.
 *
 * The async call checks its input at once (counts, unknown ids, target, copy into itself). The
 * task then stays pending for fault `asyncCopyPendingMs` and running for `asyncCopyRunMs` on the
 * emulator's clock, then copies everything in one step (planned again, so a source removed or a
 * quota used up meanwhile fails the task with status 3 and nothing copied). Tasks persist in
 * `<dataDir>/copy-tasks.json`; unfinished ones start over after a restart.
 */
import { ApiError, CODES, badParam } from '../core/errors';
import type { FakePanContext } from '../http/context';
import { flat, ok } from '../http/envelope';
import type { Router } from '../http/router';
import type { Background } from './background';
import { copyNodes, planCopy } from './copy-plan';
import { createRecordStore } from './record-store';

export const MAX_ASYNC_COPY_IDS = 3000;
export const FIRST_COPY_TASK_ID = 2000;
export const COPY_STATUS = { pending: 0, running: 1, done: 2, failed: 3 } as const;
export const COPY_ONE_FOLDER_MESSAGE = '文件夹请使用异步复制';

export interface CopyTask {
  taskId: number;
  fileIds: number[];
  targetDirId: number;
  status: 0 | 1 | 2 | 3;
  /** Why a task failed (kept for tests and the state file; the API shows only `status`). */
  reason?: string;
  /** New ids, once done. */
  copiedIds?: number[];
}

export interface CopyTasksHandle {
  get(taskId: number): CopyTask | undefined;
  /** Resolves once every task started so far has settled. */
  idle(): Promise<void>;
}

export function registerCopyRoutes(
  api: Router,
  ctx: FakePanContext,
  background: Background,
): CopyTasksHandle {
  const store = createRecordStore<CopyTask>(ctx.dataDir, 'copy-tasks.json', FIRST_COPY_TASK_ID);
  ctx.onClose(() => store.flush());

  const runTask = (task: CopyTask): void =>
    void background.run(async (signal) => {
      await ctx.clock.sleep(ctx.faults.asyncCopyPendingMs, signal);
      task.status = COPY_STATUS.running;
      store.changed();
      await ctx.clock.sleep(ctx.faults.asyncCopyRunMs, signal);
      try {
        task.copiedIds = copyNodes(ctx, task.fileIds, task.targetDirId);
        task.status = COPY_STATUS.done;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        task.status = COPY_STATUS.failed;
        task.reason = err.message;
      }
      store.changed();
    });

  for (const task of store.values()) {
    if (task.status === COPY_STATUS.pending || task.status === COPY_STATUS.running) {
      task.status = COPY_STATUS.pending;
      runTask(task);
    }
  }

  api.post('/api/v1/file/copy', async (req) => {
    if (!ctx.switches.copyOneAvailable) {
      return flat({ code: 404, message: `no route ${req.method} ${req.path}`, data: null }, 404);
    }
    const body = await req.body();
    const fileId = body.id('fileId');
    const targetDirId = body.id('targetDirId');
    const node = ctx.state.get(fileId);
    if (node && node.type === 1) throw new ApiError(CODES.general, COPY_ONE_FOLDER_MESSAGE);
    const [newId] = copyNodes(ctx, [fileId], targetDirId);
    return ok({ [ctx.switches.copyResultKey]: newId });
  });

  api.post('/api/v1/file/async/copy', async (req) => {
    const body = await req.body();
    const ids = body.idList('fileIds');
    if (ids.length === 0) throw new ApiError(CODES.general, '文件ID列表不能为空');
    if (ids.length > MAX_ASYNC_COPY_IDS)
      throw new ApiError(CODES.general, `一次最多复制${MAX_ASYNC_COPY_IDS}个文件`);
    const targetDirId = body.id('targetDirId');
    planCopy(ctx, ids, targetDirId);
    const task: CopyTask = { taskId: store.nextId(), fileIds: ids, targetDirId, status: COPY_STATUS.pending };
    store.put(task.taskId, task);
    runTask(task);
    return ok({ taskId: task.taskId });
  });

  api.get('/api/v1/file/async/copy/process', (req) => {
    const task = store.get(req.query.id('taskId'));
    if (!task) throw badParam('taskId');
    return ok({ taskId: task.taskId, status: task.status });
  });

  return { get: (id) => store.get(id), idle: () => background.idle() };
}

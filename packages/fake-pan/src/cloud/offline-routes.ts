/**
 * Offline download endpoints (reference §9):
 * - `POST /api/v1/offline/download {url, fileName?, dirID?, callBackUrl?}` → `{taskID}`;
 * - `GET /api/v1/offline/download/process?taskID=` → `{process, status}`, `status` numbered per
 *   switch `offlineStatusCodes`.
 *
 * Refused at once (code 1): a missing or non-http(s) `url` or `callBackUrl`, `dirID` 0 (the root),
 * a `fileName` breaking the name rules (or, with switch `offlineFileNameNeedsImageExt`, one without
 * an image extension), a `dirID` that is a file or in the trash; an unknown `dirID` is 5066.
 * Without `dirID` the file goes to the folder `offlineDefaultFolderName` under the root (made on
 * first use; the service names it, so the name rules do not apply to it), or, with switch
 * `offlineWithoutDir: 'refuse'`, the call is refused.
 */
import { ROOT_ID, type DriveState } from '../core/drive-state';
import { ApiError, CODES, badParam } from '../core/errors';
import { assertValidName, categoryOf } from '../core/names';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import type { Router } from '../http/router';
import type { Background } from './background';
import { startOfflineTask, offlineStatusCode, type OfflineTask } from './offline-tasks';
import { createRecordStore } from './record-store';

export const FIRST_OFFLINE_TASK_ID = 100_000;
export const OFFLINE_MESSAGES = {
  scheme: '只支持http和https链接',
  root: '离线下载不能保存到根目录',
  noDir: '请指定保存目录',
  imageOnly: '文件名必须是图片格式',
  unknownTask: '离线下载任务不存在',
} as const;

const fail = (message: string): ApiError => new ApiError(CODES.general, message);

function httpUrl(text: string | undefined, key: string): URL {
  if (text === undefined) throw badParam(key);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail(OFFLINE_MESSAGES.scheme);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail(OFFLINE_MESSAGES.scheme);
  return url;
}

/** The service's own folder under the root (made like the service would, without name checks). */
function serviceFolder(state: DriveState, name: string): number {
  const existing = state.nameHolder(ROOT_ID, name);
  if (existing && existing.type === 1 && !existing.trashed) return existing.id;
  const now = state.clock.now();
  const id = state.allocateId();
  state.tree.insert({
    id,
    parentId: ROOT_ID,
    name: state.uniqueName(ROOT_ID, name),
    type: 1,
    size: 0,
    md5: '',
    trashed: false,
    createAt: now,
    updateAt: now,
    category: 0,
    status: 0,
  });
  state.changed();
  return id;
}

export interface OfflineHandle {
  get(taskID: number): OfflineTask | undefined;
}

export function registerOfflineRoutes(
  api: Router,
  ctx: FakePanContext,
  background: Background,
): OfflineHandle {
  const store = createRecordStore<OfflineTask>(ctx.dataDir, 'offline-tasks.json', FIRST_OFFLINE_TASK_ID);
  ctx.onClose(() => store.flush());
  for (const task of store.values()) {
    if (task.state === 'running' || task.state === 'retrying') startOfflineTask(ctx, task, store, background);
  }

  api.post('/api/v1/offline/download', async (req) => {
    const body = await req.body();
    const url = httpUrl(body.optionalString('url'), 'url');
    const callBack = body.optionalString('callBackUrl');
    if (callBack !== undefined) httpUrl(callBack, 'callBackUrl');
    const fileName = body.optionalString('fileName');
    if (fileName !== undefined) {
      assertValidName(fileName);
      if (ctx.switches.offlineFileNameNeedsImageExt && categoryOf(fileName) !== 3)
        throw fail(OFFLINE_MESSAGES.imageOnly);
    }
    let dirId = body.optionalId('dirID');
    if (dirId === ROOT_ID) throw fail(OFFLINE_MESSAGES.root);
    if (dirId === undefined) {
      if (ctx.switches.offlineWithoutDir === 'refuse') throw fail(OFFLINE_MESSAGES.noDir);
      dirId = serviceFolder(ctx.state, ctx.switches.offlineDefaultFolderName);
    }
    ctx.state.requireLiveFolder(dirId);
    const task: OfflineTask = {
      taskID: store.nextId(),
      url: url.href,
      dirId,
      ...(fileName !== undefined ? { fileName } : {}),
      ...(callBack !== undefined ? { callBackUrl: callBack } : {}),
      state: 'running',
      process: 0,
    };
    store.put(task.taskID, task);
    startOfflineTask(ctx, task, store, background);
    return ok({ taskID: task.taskID });
  });

  api.get('/api/v1/offline/download/process', (req) => {
    const task = store.get(req.query.id('taskID'));
    if (!task) throw fail(OFFLINE_MESSAGES.unknownTask);
    return ok({ process: task.process, status: offlineStatusCode(ctx, task.state) });
  });

  return { get: (id) => store.get(id) };
}

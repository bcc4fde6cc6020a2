import type { Clock } from '@pandesk/contract';
import type { CopyTaskState } from '../cloud-types';
import { PanError } from '../errors';
import type { HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import type { Pacer } from '../http/pacer';
import { mapCopyStatus } from '../map/cloud';
import { pollTask, type PollOptions } from '../util/poll-task';
import { wireCopyAsync, wireCopyOne, wireCopyProcess } from '../wire/cloud';

/** §5.5: an async copy takes up to 3000 ids. */
export const MAX_ASYNC_COPY_IDS = 3000;
/** Default poll budget for an async copy: ten minutes at the pacer's 1 s pace. */
export const COPY_POLL_BUDGET = 600;

export interface CopyApi {
  /** Copies one file synchronously; returns the new file's id. */
  copy(fileId: number, targetFolderId: number, options?: { signal?: AbortSignal }): Promise<number>;
  /** Starts an async copy of files and folders (1..3000 ids); returns the task id. */
  copyMany(
    fileIds: readonly number[],
    targetFolderId: number,
    options?: { signal?: AbortSignal },
  ): Promise<number>;
  copyStatus(taskId: number, options?: { signal?: AbortSignal }): Promise<CopyTaskState>;
  /**
   * Polls an async copy until done; `service` error when it failed, `timeout` when the budget
   * (default `COPY_POLL_BUDGET` polls) is spent.
   */
  waitForCopy(
    taskId: number,
    options?: PollOptions & { onStatus?: (s: CopyTaskState) => void },
  ): Promise<void>;
}

function checkIds(ids: readonly number[]): void {
  for (const id of ids)
    if (!Number.isSafeInteger(id) || id <= 0) throw new PanError('invalid_argument', `not a file id: ${id}`);
}

function checkFolder(id: number): void {
  if (!Number.isSafeInteger(id) || id < 0) throw new PanError('invalid_argument', `not a folder id: ${id}`);
}

export function createCopyApi(core: HttpCore, clock: Clock, pacer: Pacer): CopyApi {
  const copyStatus: CopyApi['copyStatus'] = async (taskId, options = {}) =>
    mapCopyStatus(
      (
        await core.call(ENDPOINTS.copyProcess, wireCopyProcess, {
          signal: options.signal,
          query: { taskId },
        })
      ).status,
    );
  return {
    async copy(fileId, targetFolderId, options = {}) {
      checkIds([fileId]);
      checkFolder(targetFolderId);
      return core.call(ENDPOINTS.copyOne, wireCopyOne, {
        signal: options.signal,
        json: { fileId, targetDirId: targetFolderId },
      });
    },
    async copyMany(fileIds, targetFolderId, options = {}) {
      if (fileIds.length === 0 || fileIds.length > MAX_ASYNC_COPY_IDS)
        throw new PanError('invalid_argument', `an async copy takes 1 to ${MAX_ASYNC_COPY_IDS} ids`);
      checkIds(fileIds);
      checkFolder(targetFolderId);
      const data = await core.call(ENDPOINTS.copyAsync, wireCopyAsync, {
        signal: options.signal,
        json: { fileIds: [...fileIds], targetDirId: targetFolderId },
      });
      return data.taskId;
    },
    copyStatus,
    async waitForCopy(taskId, options = {}) {
      const last = await pollTask({
        clock,
        pacer,
        endpoint: ENDPOINTS.copyProcess.id,
        read: () => copyStatus(taskId, { signal: options.signal }),
        settled: (s) => s === 'done' || s === 'failed',
        onValue: options.onStatus,
        options: { ...options, defaultBudget: COPY_POLL_BUDGET },
      });
      if (last === 'failed')
        throw new PanError('service', `file.copy_process: copy task ${taskId} failed`, {
          endpoint: ENDPOINTS.copyProcess.id,
        });
    },
  };
}

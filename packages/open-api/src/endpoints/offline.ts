import type { Clock } from '@pandesk/contract';
import type { OfflineProgress } from '../cloud-types';
import { PanError } from '../errors';
import type { HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import type { Pacer } from '../http/pacer';
import { mapOfflineProgress } from '../map/cloud';
import { assertValidName } from '../util/names';
import { pollTask, type PollOptions } from '../util/poll-task';
import { wireOfflineProcess, wireOfflineStart } from '../wire/cloud';

/** Default poll budget for an offline download: an hour at the pacer's 1 s pace. */
export const OFFLINE_POLL_BUDGET = 3600;

export interface OfflineStartInput {
  /** An http or https URL the service fetches. */
  url: string;
  /** Name of the new file; the service picks one from the answer when omitted. */
  fileName?: string;
  /** Folder for the file; not the root. Without it the service uses its own default folder. */
  folderId?: number;
  /** The service calls this URL when the task succeeds or fails. */
  callbackUrl?: string;
  signal?: AbortSignal;
}

export interface OfflineWaitOptions extends PollOptions {
  /** Told about every progress read. */
  onProgress?: (progress: OfflineProgress) => void;
}

export interface OfflineApi {
  /** Starts a cloud download; returns the task id. */
  start(input: OfflineStartInput): Promise<number>;
  /** One progress read. */
  progress(taskId: number, options?: { signal?: AbortSignal }): Promise<OfflineProgress>;
  /**
   * Polls until the task is done (returns its last progress) or failed (`service` error with
   * the raw status); `timeout` when the budget (default `OFFLINE_POLL_BUDGET` polls) is spent.
   */
  wait(taskId: number, options?: OfflineWaitOptions): Promise<OfflineProgress>;
}

function httpUrl(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PanError('invalid_argument', `${what} is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PanError('invalid_argument', `${what} must be http or https`);
  return url.href;
}

export function createOfflineApi(core: HttpCore, clock: Clock, pacer: Pacer): OfflineApi {
  const progress: OfflineApi['progress'] = async (taskId, options = {}) =>
    mapOfflineProgress(
      taskId,
      await core.call(ENDPOINTS.offlineProcess, wireOfflineProcess, {
        signal: options.signal,
        query: { taskID: taskId },
      }),
    );

  return {
    async start(input) {
      const url = httpUrl(input.url, 'url');
      if (input.fileName !== undefined) assertValidName(input.fileName);
      if (input.folderId !== undefined && (!Number.isSafeInteger(input.folderId) || input.folderId <= 0))
        throw new PanError('invalid_argument', 'offline download needs a folder other than the root');
      const data = await core.call(ENDPOINTS.offlineDownload, wireOfflineStart, {
        signal: input.signal,
        json: {
          url,
          ...(input.fileName !== undefined ? { fileName: input.fileName } : {}),
          ...(input.folderId !== undefined ? { dirID: input.folderId } : {}),
          ...(input.callbackUrl !== undefined
            ? { callBackUrl: httpUrl(input.callbackUrl, 'callbackUrl') }
            : {}),
        },
      });
      return data.taskID;
    },
    progress,
    async wait(taskId, options = {}) {
      const last = await pollTask({
        clock,
        pacer,
        endpoint: ENDPOINTS.offlineProcess.id,
        read: () => progress(taskId, { signal: options.signal }),
        settled: (p) => p.state === 'done' || p.state === 'failed',
        onValue: options.onProgress,
        options: { ...options, defaultBudget: OFFLINE_POLL_BUDGET },
      });
      if (last.state === 'failed')
        throw new PanError('service', `offline.process: task ${taskId} failed (status ${last.rawStatus})`, {
          endpoint: ENDPOINTS.offlineProcess.id,
          serviceCode: last.rawStatus,
        });
      return last;
    },
  };
}

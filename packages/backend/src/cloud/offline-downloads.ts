/**
 * Cloud (offline) downloads, reference §9: each URL is handed to the service, which fetches it
 * into a folder by itself; PanDesk follows each task's progress (about once a second for the
 * first minute, then every five) until the service says done or failed, and announces the
 * folder once the file is there. Tasks survive a restart: running ones are followed again by
 * their service task id. "Done" is trusted only with 100 % (open-api's mapping, §9).
 */
import { randomUUID } from 'node:crypto';
import type { CloudTask, FileId } from '@pandesk/contract';
import type { PanClient } from '@pandesk/open-api';
import type { Clock } from '../ports';
import { cloudError, toCloudError } from './cloud-errors';
import { sleep } from './sleep';
import { toView } from './task-list';
import type { CloudTaskList, TaskRecord } from './task-list';

/** PanDesk stops following a task after this long (the service may still finish it). */
export const MAX_FOLLOW_HOURS = 24;
/** Polls at the base pace before slowing down to five times the pace. */
const FAST_POLLS = 60;

export interface OfflineDownloads {
  /** One task per URL; a URL the service refuses becomes a failed task with the reason. */
  submit(urls: readonly string[], folderId: FileId): Promise<CloudTask[]>;
  /** Follows a running task (again), with the client of the session in use. */
  follow(task: TaskRecord): void;
  /** Stops following every task (session change or close) and waits until the loops end. */
  stopAll(): Promise<void>;
}

export interface OfflineDownloadsOptions {
  client: () => PanClient;
  tasks: CloudTaskList;
  clock: Clock;
  /** Base pause between progress reads, ms (default 1000). */
  pollMs: number;
  /** A folder's listing changed (the downloaded file arrived). */
  changed: (folderIds: readonly FileId[]) => void;
}

/** The file name a URL suggests (last path segment), else its host. */
export function titleOf(url: string): string {
  const parsed = new URL(url);
  const last = parsed.pathname
    .split('/')
    .filter((s) => s !== '')
    .pop();
  if (last !== undefined) {
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  }
  return parsed.hostname;
}

export function createOfflineDownloads(options: OfflineDownloadsOptions): OfflineDownloads {
  const { tasks, clock } = options;
  const followers = new Map<string, { abort: AbortController; done: Promise<void> }>();

  function finish(task: TaskRecord, patch: Partial<TaskRecord>): void {
    tasks.update(task.id, { ...patch, phase: null, updatedAt: clock.now() });
  }

  async function followLoop(task: TaskRecord, client: PanClient, signal: AbortSignal): Promise<void> {
    const serviceId = task.serviceTaskId;
    if (serviceId === null) return;
    for (let poll = 0; !signal.aborted; poll++) {
      try {
        const progress = await client.offline.progress(serviceId, { signal });
        if (progress.state === 'done') {
          finish(task, { state: 'completed', percent: 100, serviceStatus: progress.rawStatus });
          options.changed([task.targetFolderId]);
          return;
        }
        if (progress.state === 'failed') {
          const problem = cloudError('fetch_failed', { status: progress.rawStatus }).toError();
          finish(task, { state: 'failed', problems: [problem], serviceStatus: progress.rawStatus });
          return;
        }
        const current = tasks.get(task.id);
        const phase = progress.state === 'retrying' ? 'retrying' : 'fetching';
        if (current?.phase !== phase || current.serviceStatus !== progress.rawStatus)
          tasks.update(task.id, { phase, serviceStatus: progress.rawStatus, percent: progress.percent });
        else if (current.percent !== progress.percent)
          tasks.update(task.id, { percent: progress.percent, updatedAt: clock.now() });
      } catch (error) {
        if (signal.aborted) return;
        const failure = toCloudError(error);
        // Signed out: the next sign-in follows the task again.
        if (failure.code === 'auth_required') return;
        if (!failure.retryable) {
          finish(task, { state: 'failed', problems: [failure.toError()] });
          return;
        }
      }
      if (clock.now() - task.createdAt > MAX_FOLLOW_HOURS * 3600_000) {
        finish(task, {
          state: 'failed',
          problems: [cloudError('poll_gave_up', { hours: MAX_FOLLOW_HOURS }).toError()],
        });
        return;
      }
      await sleep(poll < FAST_POLLS ? options.pollMs : options.pollMs * 5, signal);
    }
  }

  function follow(task: TaskRecord): void {
    if (followers.has(task.id) || task.serviceTaskId === null) return;
    let client: PanClient;
    try {
      client = options.client();
    } catch {
      return; // no drive now: followed again after the next sign-in
    }
    const abort = new AbortController();
    const done = followLoop(task, client, abort.signal).finally(() => followers.delete(task.id));
    followers.set(task.id, { abort, done });
  }

  async function submitOne(url: string, folderId: FileId, client: PanClient): Promise<TaskRecord> {
    const now = clock.now();
    const base: TaskRecord = {
      id: randomUUID(),
      kind: 'cloud_download',
      state: 'running',
      phase: 'fetching',
      title: titleOf(url),
      url,
      targetFolderId: folderId,
      percent: 0,
      counts: null,
      problems: [],
      serviceStatus: null,
      createdAt: now,
      updatedAt: now,
      serviceTaskId: null,
    };
    try {
      // The drive root cannot receive them (§9): without a folder the service uses its own.
      const serviceTaskId = await client.offline.start({ url, ...(folderId === 0 ? {} : { folderId }) });
      return { ...base, serviceTaskId };
    } catch (error) {
      const failure = toCloudError(error);
      if (failure.code === 'auth_required') throw failure;
      return { ...base, state: 'failed', phase: null, percent: null, problems: [failure.toError()] };
    }
  }

  return {
    async submit(urls, folderId) {
      const client = options.client();
      const created: CloudTask[] = [];
      for (const url of urls) {
        const task = await submitOne(url, folderId, client);
        tasks.add(task);
        created.push(toView(task));
        follow(task);
      }
      return created;
    },
    follow,
    async stopAll() {
      const running = [...followers.values()];
      for (const f of running) f.abort.abort();
      await Promise.all(running.map((f) => f.done));
    },
  };
}

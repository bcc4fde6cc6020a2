/**
 * The recent cloud tasks (cloud downloads and copies) of the drive in use: kept in memory,
 * announced whole with `cloud:changed` after every change, and saved per drive in
 * `<userData>/cloud-tasks-<drive>.json` whenever something other than the percentage changes
 * (a restart re-reads the percentage from the service). At most `MAX_CLOUD_TASKS` are kept;
 * finished ones go first, oldest first.
 */
import { join } from 'node:path';
import { isResult, MAX_CLOUD_TASKS } from '@pandesk/contract';
import type { CloudTask, PanDeskEventHub } from '@pandesk/contract';
import type { Logger } from '../log/daily-log';
import type { LocalFs } from '../ports';
import { readJsonFile, writeJsonFile } from './json-file';

/** A task as the back end keeps it: the contract's view plus the service's task id. */
export interface TaskRecord extends CloudTask {
  /** The service's offline task id; null for copies and for downloads the service refused. */
  readonly serviceTaskId: number | null;
}

export type TaskPatch = Partial<Omit<TaskRecord, 'id' | 'kind' | 'createdAt'>>;

export interface CloudTaskList {
  /** Switches to a drive's list (`null`: no drive) and answers its tasks still running. */
  bind(drive: string | null): Promise<TaskRecord[]>;
  drive(): string | null;
  /** Newest first, as the renderer sees them. */
  snapshot(): CloudTask[];
  get(id: string): TaskRecord | undefined;
  add(task: TaskRecord): void;
  update(id: string, patch: TaskPatch): void;
  clearFinished(): void;
  /** Resolves once every save asked for so far is on disk. */
  settled(): Promise<void>;
}

export function toView(record: TaskRecord): CloudTask {
  const { serviceTaskId, ...view } = record;
  void serviceTaskId;
  return view;
}

/**
 * The tasks of a saved list. A list saved before tasks carried their problems as errors had an
 * English `message` instead, which is not shown (it is in one language only): such a task keeps
 * its state and counts, without problems.
 */
function parse(raw: unknown): TaskRecord[] {
  const doc = raw as { version?: unknown; tasks?: unknown } | undefined;
  if (doc?.version !== 1 || !Array.isArray(doc.tasks)) return [];
  return (doc.tasks as (TaskRecord & { message?: unknown })[])
    .filter(
      (t) =>
        typeof t === 'object' &&
        t !== null &&
        typeof t.id === 'string' &&
        (t.kind === 'cloud_download' || t.kind === 'copy') &&
        (t.state === 'running' || t.state === 'completed' || t.state === 'failed'),
    )
    .map(({ message, ...task }) => {
      void message;
      return { ...task, problems: Array.isArray(task.problems) ? task.problems.filter(isProblem) : [] };
    });
}

/** A saved problem with the shape of the contract's error (a hand-edited file may hold anything). */
function isProblem(value: unknown): boolean {
  return isResult({ ok: false, error: value });
}

/** Drops finished tasks (oldest first) while over the limit; running ones always stay. */
function trim(tasks: TaskRecord[]): TaskRecord[] {
  let excess = tasks.length - MAX_CLOUD_TASKS;
  if (excess <= 0) return tasks;
  const out: TaskRecord[] = [];
  for (const task of tasks) {
    if (excess > 0 && task.state !== 'running') excess--;
    else out.push(task);
  }
  return out;
}

export function createCloudTaskList(options: {
  fs: LocalFs;
  userData: string;
  events: PanDeskEventHub;
  logger: Logger;
}): CloudTaskList {
  /** Oldest first. */
  let tasks: TaskRecord[] = [];
  let drive: string | null = null;
  let generation = 0;
  let writes: Promise<unknown> = Promise.resolve();

  const pathOf = (key: string): string => join(options.userData, `cloud-tasks-${key}.json`);
  const snapshot = (): CloudTask[] => [...tasks].reverse().map(toView);
  const announce = (): void => options.events.emit('cloud:changed', { tasks: snapshot() });

  function save(): void {
    if (drive === null) return;
    const path = pathOf(drive);
    const doc = { version: 1, tasks };
    writes = writes
      .then(() => writeJsonFile(path, doc))
      .catch((error: unknown) => options.logger.error('could not save the cloud task list', error));
  }

  return {
    async bind(next) {
      const gen = ++generation;
      if (next === drive) return tasks.filter((t) => t.state === 'running');
      const loaded =
        next === null ? [] : parse(await readJsonFile(options.fs, pathOf(next)).catch(() => undefined));
      if (gen !== generation) return [];
      drive = next;
      tasks = loaded;
      announce();
      return tasks.filter((t) => t.state === 'running');
    },
    drive: () => drive,
    snapshot,
    get: (id) => tasks.find((t) => t.id === id),
    add(task) {
      tasks = trim([...tasks, task]);
      save();
      announce();
    },
    update(id, patch) {
      const index = tasks.findIndex((t) => t.id === id);
      const before = tasks[index];
      if (before === undefined) return;
      const after: TaskRecord = { ...before, ...patch };
      tasks = tasks.map((t, i) => (i === index ? after : t));
      const onlyProgress = Object.keys(patch).every((k) => k === 'percent' || k === 'updatedAt');
      if (!onlyProgress) save();
      announce();
    },
    clearFinished() {
      const kept = tasks.filter((t) => t.state === 'running');
      if (kept.length === tasks.length) return;
      tasks = kept;
      save();
      announce();
    },
    settled: () => writes.then(() => undefined),
  };
}

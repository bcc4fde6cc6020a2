/**
 * Copies inside the drive (reference §5.5) as cloud tasks: `start` checks the sources, records
 * the task and answers it at once; the work then runs in the background: the target is listed,
 * the plan made (`copy-plan.ts`), free names copied straight in, clashing ones through a
 * staging folder, and the target announced with `folder:changed`. Originals replaced under
 * `overwrite` go to the recycle bin only after their copy exists, and come back if the copy
 * cannot be moved in. Nothing is ever deleted but the emptied staging folder.
 */
import { randomUUID } from 'node:crypto';
import type { ApiError, CloudTask, CopyCounts, CopyInput, FileId } from '@pandesk/contract';
import type { PanClient, PanEntry } from '@pandesk/open-api';
import type { Logger } from '../log/daily-log';
import type { Clock } from '../ports';
import { cloudError, toCloudError } from './cloud-errors';
import { planCopy, freeName } from './copy-plan';
import type { StagedItem } from './copy-plan';
import { copyInto, makeStagingFolder, removeStagingFolder } from './copy-service-calls';
import { toView } from './task-list';
import type { CloudTaskList } from './task-list';

export interface CopyRunnerOptions {
  client: () => PanClient;
  tasks: CloudTaskList;
  clock: Clock;
  pollMs: number;
  logger: Logger;
  /** Listings changed; `trashChanged` when originals went to the recycle bin. */
  changed: (folderIds: readonly FileId[], trashChanged: boolean) => void;
  /** Items PanDesk moved to the recycle bin (for its bin view). */
  onTrashed: (ids: readonly FileId[]) => Promise<void>;
}

export interface CopyRunner {
  start(input: CopyInput): Promise<CloudTask>;
  /** Whether this process is running the task now. */
  isActive(taskId: string): boolean;
  /** Stops every copy (at the next service call) and waits for them. */
  stopAll(): Promise<void>;
}

interface Run {
  client: PanClient;
  taskId: string;
  targetId: FileId;
  conflict: CopyInput['conflict'];
  signal: AbortSignal;
  counts: { total: number; copied: number; skipped: number; failed: number };
  problems: ApiError[];
  trashed: FileId[];
}

export function createCopyRunner(options: CopyRunnerOptions): CopyRunner {
  const { tasks, clock } = options;
  const active = new Map<string, { abort: AbortController; done: Promise<void> }>();

  const progress = (run: Run, patch: Partial<CloudTask> = {}): void =>
    tasks.update(run.taskId, { counts: { ...run.counts } as CopyCounts, updatedAt: clock.now(), ...patch });

  const callOptions = (run: Run) => ({
    client: run.client,
    signal: run.signal,
    pollMs: options.pollMs,
    onStatus: (status: number) => {
      if (tasks.get(run.taskId)?.serviceStatus !== status)
        tasks.update(run.taskId, { serviceStatus: status });
    },
  });

  /** Puts one layer of clashing items in place through its own staging folder. */
  async function placeLayer(run: Run, layer: StagedItem[], taken: Set<string>): Promise<void> {
    const { client, signal } = run;
    progress(run, { phase: 'copying' });
    const stagingId = await makeStagingFolder(client, run.targetId, signal);
    await copyInto(
      layer.map((s) => s.source),
      stagingId,
      callOptions(run),
    );
    progress(run, { phase: 'placing' });
    const copies = new Map((await client.files.listAll(stagingId, { signal })).map((e) => [e.name, e]));
    const moving: FileId[] = [];
    const replacing: FileId[] = [];
    for (const item of layer) {
      const copy = copies.get(item.source.name);
      if (copy === undefined) {
        run.counts.failed++;
        continue;
      }
      try {
        if (item.policy === 'keep_both') {
          const name = freeName(item.source.name, item.source.kind, taken);
          await client.files.rename(copy.id, name, { signal });
          taken.add(name);
        } else if (item.clash !== null) replacing.push(item.clash.id);
        moving.push(copy.id);
      } catch (error) {
        run.counts.failed++;
        run.problems.push(toCloudError(error).toError());
      }
    }
    if (replacing.length > 0) {
      await client.files.trash(replacing, { signal });
      run.trashed.push(...replacing);
    }
    try {
      if (moving.length > 0) await client.files.move(moving, run.targetId, { signal });
      run.counts.copied += moving.length;
    } catch (error) {
      // Nothing replaced without its copy in place: the originals come back.
      if (replacing.length > 0) {
        await client.files.recover(replacing);
        run.trashed = run.trashed.filter((id) => !replacing.includes(id));
      }
      run.counts.failed += moving.length;
      run.problems.push(
        cloudError('placement_failed', { count: moving.length }, toCloudError(error)).toError(),
      );
      await client.files.trash([stagingId]).catch((e: unknown) => options.logger.error('staging folder', e));
      return;
    }
    await removeStagingFolder(client, stagingId).catch((e: unknown) =>
      options.logger.error('could not remove a copy staging folder', e),
    );
  }

  async function work(run: Run, sources: PanEntry[]): Promise<void> {
    const { client, signal } = run;
    const target = await client.files.listAll(run.targetId, { signal });
    const plan = planCopy(sources, target, run.conflict);
    run.counts.skipped = plan.skipped.length;
    const taken = new Set([...target.map((e) => e.name), ...sources.map((s) => s.name)]);
    if (plan.direct.length > 0) {
      try {
        await copyInto(plan.direct, run.targetId, callOptions(run));
        run.counts.copied += plan.direct.length;
      } catch (error) {
        if (signal.aborted) throw error;
        run.counts.failed += plan.direct.length;
        run.problems.push(toCloudError(error).toError());
      }
      progress(run);
    }
    for (const layer of plan.layers) {
      try {
        await placeLayer(run, layer, taken);
      } catch (error) {
        if (signal.aborted) throw error;
        run.counts.failed += layer.length;
        run.problems.push(toCloudError(error).toError());
      }
      progress(run);
    }
  }

  async function execute(run: Run, sources: PanEntry[]): Promise<void> {
    try {
      await work(run, sources);
    } catch (error) {
      const problem = run.signal.aborted ? cloudError('task_interrupted') : toCloudError(error);
      run.problems.push(problem.toError());
      run.counts.failed = run.counts.total - run.counts.copied - run.counts.skipped;
    }
    if (run.trashed.length > 0) await options.onTrashed(run.trashed).catch(() => undefined);
    options.changed([run.targetId], run.trashed.length > 0);
    const failedAll = run.counts.copied === 0 && run.counts.failed > 0;
    progress(run, {
      state: failedAll ? 'failed' : 'completed',
      phase: null,
      problems: [...run.problems],
    });
  }

  return {
    async start(input) {
      const client = options.client();
      const found = await client.files.infos(input.ids);
      const sources = input.ids
        .map((id) => found.find((e) => e.id === id && !e.trashed))
        .filter((e): e is PanEntry => e !== undefined);
      if (sources.length === 0) throw cloudError('sources_missing', { count: input.ids.length });
      const missing = input.ids.length - sources.length;
      const now = clock.now();
      const taskId = randomUUID();
      const first = sources[0] as PanEntry;
      const record = {
        id: taskId,
        kind: 'copy' as const,
        state: 'running' as const,
        phase: 'copying' as const,
        title: sources.length === 1 ? first.name : `${first.name} (+${sources.length - 1})`,
        url: null,
        targetFolderId: input.targetFolderId,
        percent: null,
        counts: { total: input.ids.length, copied: 0, skipped: 0, failed: missing },
        problems: missing > 0 ? [cloudError('sources_missing', { count: missing }).toError()] : [],
        serviceStatus: null,
        createdAt: now,
        updatedAt: now,
        serviceTaskId: null,
      };
      tasks.add(record);
      const abort = new AbortController();
      const run: Run = {
        client,
        taskId,
        targetId: input.targetFolderId,
        conflict: input.conflict,
        signal: abort.signal,
        counts: { ...record.counts },
        problems: [...record.problems],
        trashed: [],
      };
      const done = execute(run, sources).finally(() => active.delete(taskId));
      active.set(taskId, { abort, done });
      return toView(record);
    },
    isActive: (id) => active.has(id),
    async stopAll() {
      const all = [...active.values()];
      for (const a of all) a.abort.abort();
      await Promise.all(all.map((a) => a.done));
    },
  };
}

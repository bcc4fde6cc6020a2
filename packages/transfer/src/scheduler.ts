/**
 * Runs jobs: per direction, up to N file items and a couple of folder walkers at once, picked
 * from the journal by priority then age. Each job gets an AbortController; why it was aborted
 * (pause, cancel, lost auth, shutdown) decides what its failure means.
 */
import type { TransferDirection, TransferKind, TransferLimits, TransferPhase } from '@pandesk/contract';
import { classify } from './classify';
import { errorFields, NO_ERROR } from './item-error';
import type { EngineTuning, Job, JobContext, JobOutcome } from './job-context';
import type { Journal } from './journal/journal';
import type { ItemPatch, JournalItem } from './journal/records';
import type { LocalFs } from './local-fs';
import type { Clock, DriveBackend, FetchLike } from './ports';
import { DriveError } from './ports';
import type { LiveInfo, SnapshotPublisher } from './snapshots';
import type { FileHasher } from './util/hash-workers';
import type { RateLimiter } from './util/rate-limiter';
import { createSpeedMeter } from './util/speed-meter';
import type { SpeedMeter } from './util/speed-meter';

export type AbortReason = 'pause' | 'cancel' | 'auth' | 'close';

const FOLDER_WALKERS = 2;

/** What an item is doing from the moment its job starts, before the job names a later step. */
function firstPhase(item: JournalItem): TransferPhase {
  if (item.kind === 'folder') return 'scanning';
  return item.direction === 'download' ? 'downloading' : 'creating';
}

export interface SchedulerDeps {
  journal: Journal;
  backend: DriveBackend;
  fs: LocalFs;
  fetch: FetchLike;
  hasher: FileHasher;
  clock: Clock;
  random: () => number;
  tuning: EngineTuning;
  publisher: SnapshotPublisher;
  limits(): TransferLimits;
  limiters: Record<TransferDirection, RateLimiter>;
  jobs: Record<TransferDirection, Record<TransferKind, Job>>;
  /** Called after a running item settled as cancelled, to drop partial data. */
  discard(item: JournalItem): Promise<void>;
}

interface Running {
  item: JournalItem;
  controller: AbortController;
  reason: AbortReason | null;
  /** Phase, and the progress shown: the most bytes reached, so it never goes backwards. */
  live: { phase: TransferPhase | null; bytesDone: number };
  meter: SpeedMeter;
  settled: Promise<void>;
}

export interface Scheduler {
  /** Nothing runs before start(); enqueueing before it only journals. */
  start(): void;
  pump(): void;
  runningIds(): string[];
  live(id: string): LiveInfo | undefined;
  abort(ids: readonly string[] | null, reason: AbortReason): void;
  readonly authBlocked: boolean;
  setAuthBlocked(blocked: boolean): void;
  whenIdle(): Promise<void>;
  stop(): Promise<void>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { journal, clock, publisher } = deps;
  const running = new Map<string, Running>();
  let authBlocked = false;
  let stopped = false;
  let started = false;
  let pumpQueued = false;
  let idleWaiters: (() => void)[] = [];

  const update = (entry: Running, patch: ItemPatch): void => {
    const full = { ...patch, updatedAt: clock.now() };
    Object.assign(entry.item, full);
    journal.update(entry.item.id, full);
    publisher.changed(entry.item.id);
  };

  // A request sent again (a slice, a segment, a resumed download) re-counts bytes shown before:
  // the shown progress waits at its highest point until the job passes it again.
  const progress = (entry: Running, bytes: number): void => {
    entry.meter.record(clock.now(), bytes);
    entry.live.bytesDone = Math.max(entry.live.bytesDone, bytes);
    publisher.changed(entry.item.id);
  };

  /** The job starts over from `bytes` (its partial data is gone): the shown progress follows. */
  const restartProgress = (entry: Running, bytes: number): void => {
    entry.meter.record(clock.now(), bytes);
    entry.live.bytesDone = bytes;
    publisher.changed(entry.item.id);
  };

  const context = (entry: Running): JobContext => ({
    item: entry.item,
    journal,
    backend: deps.backend,
    fs: deps.fs,
    fetch: deps.fetch,
    hasher: deps.hasher,
    clock,
    random: deps.random,
    signal: entry.controller.signal,
    limiter: deps.limiters[entry.item.direction],
    tuning: deps.tuning,
    limits: deps.limits,
    update: (patch) => update(entry, patch),
    progress: (bytes) => progress(entry, bytes),
    restartProgress: (bytes) => restartProgress(entry, bytes),
    setPhase: (phase: TransferPhase | null) => {
      entry.live.phase = phase;
      publisher.changed(entry.item.id);
    },
    enqueue: (items) => {
      if (items.length === 0) return;
      journal.insertItems(items);
      if (items.length > 100) publisher.resync();
      else for (const i of items) publisher.changed(i.id);
      schedulePump();
    },
  });

  const succeed = (entry: Running, outcome: JobOutcome): void => {
    if (entry.reason === 'cancel') return;
    const done =
      outcome.state === 'completed' ? Math.max(entry.item.size, entry.live.bytesDone) : entry.live.bytesDone;
    update(entry, {
      ...outcome.patch,
      state: outcome.state,
      bytesDone: done,
      pauseReason: null,
      ...NO_ERROR,
      finishedAt: clock.now(),
    });
  };

  const fail = async (entry: Running, error: unknown): Promise<void> => {
    const bytesDone = entry.live.bytesDone;
    if (entry.reason === 'cancel') return deps.discard(entry.item);
    if (entry.reason === 'pause' || entry.reason === 'close')
      return void journal.update(entry.item.id, { bytesDone });
    if (entry.reason === 'auth' || (error instanceof DriveError && error.kind === 'auth')) {
      update(entry, {
        state: 'paused',
        pauseReason: 'auth_required',
        bytesDone,
        ...errorFields({
          code: 'auth_required',
          reason: 'auth_lost',
          message: 'Sign-in is needed; the transfer resumes once signed in.',
          retryable: true,
        }),
      });
      if (!authBlocked) setAuthBlocked(true);
      return;
    }
    update(entry, {
      state: 'failed',
      bytesDone,
      ...errorFields(classify(error, entry.item)),
      finishedAt: clock.now(),
    });
  };

  const start = (item: JournalItem): void => {
    const now = clock.now();
    const patch: ItemPatch = {
      state: 'running',
      pauseReason: null,
      ...NO_ERROR,
      finishedAt: null,
      updatedAt: now,
    };
    Object.assign(item, patch);
    journal.update(item.id, patch);
    const entry: Running = {
      item,
      controller: new AbortController(),
      reason: null,
      live: { phase: firstPhase(item), bytesDone: item.bytesDone },
      meter: createSpeedMeter(now, item.bytesDone),
      settled: Promise.resolve(),
    };
    running.set(item.id, entry);
    publisher.changed(item.id);
    const job = deps.jobs[item.direction][item.kind];
    entry.settled = job(context(entry))
      .then(
        (outcome) => succeed(entry, outcome),
        (error: unknown) => fail(entry, error),
      )
      .catch(() => undefined) // a journal failure while settling must not kill the process
      .finally(() => {
        running.delete(item.id);
        publisher.changed(item.id);
        schedulePump();
      });
  };

  const fillLane = (direction: TransferDirection, kind: TransferKind, cap: number): void => {
    let busy = 0;
    for (const r of running.values()) if (r.item.direction === direction && r.item.kind === kind) busy++;
    if (busy >= cap) return;
    const exclude = new Set(running.keys());
    for (const item of journal.nextQueued(direction, kind, cap - busy, exclude)) start(item);
  };

  const checkIdle = (): void => {
    if (running.size > 0 || idleWaiters.length === 0) return;
    // Once stopped nothing more will start (and the journal may be closed): everyone is told.
    if (!stopped && started && !authBlocked && journal.byStates(['queued'], 1).length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const pump = (): void => {
    pumpQueued = false;
    if (started && !stopped && !authBlocked) {
      const limits = deps.limits();
      for (const direction of ['upload', 'download'] as const) {
        fillLane(direction, 'folder', FOLDER_WALKERS);
        fillLane(direction, 'file', direction === 'upload' ? limits.uploadFiles : limits.downloadFiles);
      }
    }
    checkIdle();
  };

  function schedulePump(): void {
    if (pumpQueued) return;
    pumpQueued = true;
    setImmediate(pump);
  }

  const abort = (ids: readonly string[] | null, reason: AbortReason): void => {
    const wanted = ids === null ? null : new Set(ids);
    for (const entry of running.values()) {
      if (wanted !== null && !wanted.has(entry.item.id)) continue;
      entry.reason ??= reason;
      entry.controller.abort(new DOMException(`transfer ${reason}`, 'AbortError'));
    }
  };

  function setAuthBlocked(blocked: boolean): void {
    authBlocked = blocked;
    if (blocked) abort(null, 'auth');
    schedulePump();
  }

  return {
    start() {
      started = true;
      schedulePump();
    },
    pump: schedulePump,
    runningIds: () => [...running.keys()],
    live(id) {
      const entry = running.get(id);
      if (!entry) return undefined;
      return { ...entry.live, speedBps: entry.meter.speed(clock.now()) };
    },
    abort,
    get authBlocked() {
      return authBlocked;
    },
    setAuthBlocked,
    whenIdle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        schedulePump();
      }),
    async stop() {
      stopped = true;
      abort(null, 'close');
      await Promise.all([...running.values()].map((r) => r.settled));
      checkIdle();
    },
  };
}

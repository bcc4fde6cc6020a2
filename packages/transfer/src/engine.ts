/**
 * The transfer engine: a durable queue (SQLite journal) with per-direction concurrency, live
 * speed limits, pause/resume/cancel/retry, lost-auth pausing, and throttled frozen snapshots.
 * On start it resumes what was running, without asking.
 */
import { basename, dirname, join } from 'node:path';
import type {
  DownloadCommand,
  TransferDirectionSummary,
  TransferItem,
  TransferLimits,
  TransferPage,
  TransferPageQuery,
  TransferSnapshot,
  TransferState,
  TransferSummary,
  UploadCommand,
} from '@pandesk/contract';
import { downloadFileJob } from './download/download-file-job';
import { downloadFolderJob } from './download/download-folder-job';
import { enqueueDownload, enqueueUpload } from './enqueue';
import { NO_ERROR } from './item-error';
import { DEFAULT_LIMITS, DEFAULT_TUNING } from './defaults';
import type { EngineTuning } from './job-context';
import { createJournal } from './journal/journal';
import type { NewItem } from './journal/journal';
import type { JournalItem } from './journal/records';
import type { LocalFs } from './local-fs';
import { nodeFs } from './local-fs';
import type { Clock, DriveBackend, FetchLike } from './ports';
import { systemClock } from './ports';
import { createScheduler } from './scheduler';
import { createSnapshotPublisher, toTransferItem } from './snapshots';
import { uploadFileJob } from './upload/upload-file-job';
import { uploadFolderJob } from './upload/upload-folder-job';
import { createHashWorkers } from './util/hash-workers';
import { createRateLimiter } from './util/rate-limiter';
import { partFileName } from './util/safe-name';

export interface TransferEngineOptions {
  /** Path of the SQLite journal file (created when missing). */
  journalPath: string;
  backend: DriveBackend;
  /** For CDN bytes; global fetch by default. */
  fetch?: FetchLike;
  clock?: Clock;
  /** Jitter source in [0, 1) for retry backoff (Math.random by default). */
  random?: () => number;
  fs?: LocalFs;
  limits?: Partial<TransferLimits>;
  tuning?: Partial<EngineTuning>;
  /** Minimum time between snapshots, ms (default 250, i.e. about 4 per second). */
  snapshotIntervalMs?: number;
}

export interface TransferEngine {
  /** Reloads the journal, requeues what was running, and starts working. */
  start(): void;
  upload(command: UploadCommand): Promise<string>;
  download(command: DownloadCommand): Promise<string>;
  /** Each action takes item ids (folders include their descendants) or none for all. */
  pause(ids?: readonly string[]): void;
  resume(ids?: readonly string[]): void;
  cancel(ids?: readonly string[]): void;
  retry(ids?: readonly string[]): void;
  moveToTop(ids: readonly string[]): void;
  /** Removes completed, skipped and cancelled items; failed ones stay. Returns how many. */
  clearFinished(): number;
  /** Removes failed items, dropping their partial data (upload session, .part file). Returns how many. */
  clearFailed(): Promise<number>;
  setLimits(limits: Partial<TransferLimits>): void;
  /** false: running items pause with reason auth_required. true: they resume. */
  setAuthAvailable(available: boolean): void;
  getItem(id: string): TransferItem | undefined;
  getPage(query: TransferPageQuery): TransferPage;
  getSummary(): TransferSummary;
  onSnapshot(listener: (snapshot: TransferSnapshot) => void): () => void;
  /** Resolves when nothing is running and nothing can start. */
  whenIdle(): Promise<void>;
  /** Stops jobs (they resume on the next start), flushes and closes the journal. */
  close(): Promise<void>;
}

const EMPTY_DIRECTION: TransferDirectionSummary = {
  running: 0,
  queued: 0,
  bytesDone: 0,
  bytesTotal: 0,
  speedBps: 0,
};

export function createTransferEngine(options: TransferEngineOptions): TransferEngine {
  const clock = options.clock ?? systemClock;
  const fs = options.fs ?? nodeFs;
  const tuning: EngineTuning = { ...DEFAULT_TUNING, ...options.tuning };
  let limits: TransferLimits = Object.freeze({ ...DEFAULT_LIMITS, ...options.limits });
  const journal = createJournal(options.journalPath);
  const limiters = {
    upload: createRateLimiter(clock, limits.uploadBytesPerSecond),
    download: createRateLimiter(clock, limits.downloadBytesPerSecond),
  };

  const itemsFor = (ids: readonly string[]): TransferItem[] =>
    ids.flatMap((id) => {
      const row = journal.get(id);
      return row ? [toTransferItem(row, scheduler.live(id))] : [];
    });

  const summary = (): TransferSummary => {
    const byState = {
      queued: 0,
      running: 0,
      paused: 0,
      completed: 0,
      failed: 0,
      cancelled: 0,
      skipped: 0,
    } as Record<TransferState, number>;
    const dirs = { upload: { ...EMPTY_DIRECTION }, download: { ...EMPTY_DIRECTION } };
    for (const c of journal.counts()) {
      byState[c.state] += c.count;
      const d = dirs[c.direction];
      if (c.state === 'running') d.running += c.count;
      if (c.state === 'queued') d.queued += c.count;
      if (c.state !== 'cancelled' && c.state !== 'skipped') {
        d.bytesTotal += c.size;
        d.bytesDone += c.state === 'running' ? 0 : c.bytesDone;
      }
    }
    for (const id of scheduler.runningIds()) {
      const row = journal.get(id);
      const live = scheduler.live(id);
      if (!row || !live) continue;
      dirs[row.direction].bytesDone += live.bytesDone;
      dirs[row.direction].speedBps += Math.round(live.speedBps);
    }
    const total = Object.values(byState).reduce((a, b) => a + b, 0);
    return Object.freeze({
      total,
      byState: Object.freeze(byState),
      upload: Object.freeze(dirs.upload),
      download: Object.freeze(dirs.download),
      authBlocked: scheduler.authBlocked,
      limits,
    });
  };

  const publisher = createSnapshotPublisher(clock, options.snapshotIntervalMs ?? 250, {
    summary,
    items: itemsFor,
    live: () => scheduler.runningIds(),
  });

  /** Deletes the .part file of a download (nothing for uploads and folders). */
  const dropPartFile = async (item: JournalItem): Promise<void> => {
    if (item.direction !== 'download' || item.kind !== 'file') return;
    await fs
      .unlink(join(dirname(item.localPath), partFileName(basename(item.localPath), item.id)))
      .catch(() => undefined);
  };

  /** Drops partial data of a cancelled item: upload session and slices, download .part file. */
  const discard = async (item: JournalItem): Promise<void> => {
    journal.clearParts(item.id);
    journal.update(item.id, { sessionJson: null, createAttempted: false, bytesDone: 0 });
    await dropPartFile(item);
  };

  /** Every item in one state, read page by page (synchronously). */
  const itemsInState = (state: TransferState): JournalItem[] => {
    const out: JournalItem[] = [];
    for (;;) {
      const page = journal.page({ offset: out.length, limit: 1000, states: [state] });
      out.push(...page.items);
      if (page.items.length === 0 || out.length >= page.total) return out;
    }
  };

  /** Tells listeners that items left the journal; answers their ids. */
  const forget = (ids: string[]): string[] => {
    if (ids.length > 100) publisher.resync();
    else for (const id of ids) publisher.removed(id);
    return ids;
  };

  const hasher = createHashWorkers();
  const scheduler = createScheduler({
    journal,
    backend: options.backend,
    fs,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    hasher,
    clock,
    random: options.random ?? Math.random,
    tuning,
    publisher,
    limits: () => limits,
    limiters,
    jobs: {
      upload: { file: uploadFileJob, folder: uploadFolderJob },
      download: { file: downloadFileJob, folder: downloadFolderJob },
    },
    discard,
  });

  const announce = (ids: readonly string[]): void => {
    if (ids.length > 100) publisher.resync();
    else for (const id of ids) publisher.changed(id);
  };
  const onInserted = (items: NewItem[]): void => {
    announce(items.map((i) => i.id));
    scheduler.pump();
  };
  const transition = (
    ids: readonly string[] | undefined,
    from: TransferState[],
    patch: Partial<JournalItem>,
  ): string[] => {
    const changed = journal.transition(ids ?? null, from, { ...patch, updatedAt: clock.now() });
    announce(changed);
    return changed;
  };

  return {
    start() {
      journal.transition(null, ['running'], { state: 'queued' });
      publisher.resync();
      scheduler.start();
    },
    upload: (command) => enqueueUpload(journal, fs, command, clock.now(), onInserted),
    download: (command) => enqueueDownload(journal, command, clock.now(), onInserted),
    pause(ids) {
      const changed = transition(ids, ['queued', 'running'], { state: 'paused', pauseReason: 'user' });
      scheduler.abort(changed, 'pause');
    },
    resume(ids) {
      transition(ids, ['paused'], { state: 'queued', pauseReason: null, ...NO_ERROR });
      scheduler.pump();
    },
    cancel(ids) {
      const changed = transition(ids, ['queued', 'running', 'paused', 'failed'], {
        state: 'cancelled',
        finishedAt: clock.now(),
      });
      const runningIds = new Set(scheduler.runningIds());
      scheduler.abort(changed, 'cancel');
      for (const id of changed) {
        const row = journal.get(id);
        if (row && !runningIds.has(id)) void discard(row);
      }
    },
    retry(ids) {
      transition(ids, ['failed', 'cancelled'], { state: 'queued', ...NO_ERROR, finishedAt: null });
      scheduler.pump();
    },
    moveToTop(ids) {
      transition(ids, ['queued', 'paused', 'running', 'failed'], { priority: journal.maxPriority() + 1 });
      scheduler.pump();
    },
    clearFinished() {
      return forget(journal.deleteByStates(['completed', 'skipped', 'cancelled'])).length;
    },
    async clearFailed() {
      // Rows read and deleted in one synchronous step, so no retry can slip in between.
      const failed = itemsInState('failed');
      const removed = new Set(forget(journal.deleteByStates(['failed'])));
      for (const row of failed) if (removed.has(row.id)) await dropPartFile(row);
      return removed.size;
    },
    setLimits(next) {
      limits = Object.freeze({ ...limits, ...next });
      limiters.upload.setRate(limits.uploadBytesPerSecond);
      limiters.download.setRate(limits.downloadBytesPerSecond);
      publisher.resync();
      scheduler.pump();
    },
    setAuthAvailable(available) {
      if (!available) return scheduler.setAuthBlocked(true);
      scheduler.setAuthBlocked(false);
      transition(undefined, ['paused'], { state: 'queued', pauseReason: null, ...NO_ERROR });
    },
    getItem: (id) => itemsFor([id])[0],
    getPage(query) {
      const { total, items } = journal.page(query);
      return Object.freeze({
        total,
        offset: query.offset,
        items: Object.freeze(items.map((row) => toTransferItem(row, scheduler.live(row.id)))),
      });
    },
    getSummary: summary,
    onSnapshot: (listener) => publisher.subscribe(listener),
    whenIdle: () => scheduler.whenIdle(),
    async close() {
      await scheduler.stop();
      publisher.flush();
      publisher.close();
      journal.close();
      await hasher.close();
    },
  };
}

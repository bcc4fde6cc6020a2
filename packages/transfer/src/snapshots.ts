/**
 * Frozen snapshots, throttled and batched: at most one push per interval carrying the summary
 * and the items changed since the last push. When more changed than fit in one push, the push
 * says `resync` and listeners re-read the pages they show (keeps 100,000-item batches cheap).
 */
import type { TransferItem, TransferSnapshot, TransferSummary } from '@pandesk/contract';
import { readError } from './item-error';
import type { JournalItem } from './journal/records';
import type { Clock } from './ports';

export const MAX_CHANGED_PER_SNAPSHOT = 500;
/**
 * While items run, a push goes out at least this often even when no bytes moved, so speed and
 * time left fall when a transfer stalls instead of showing the last figures.
 */
export const HEARTBEAT_MS = 1000;

export interface LiveInfo {
  phase: TransferItem['phase'];
  bytesDone: number;
  speedBps: number;
}

/** A deep-frozen plain copy of a journal row, merged with live progress when running. */
export function toTransferItem(row: JournalItem, live?: LiveInfo): TransferItem {
  const bytesDone = live?.bytesDone ?? row.bytesDone;
  const speedBps = live && row.state === 'running' ? Math.round(live.speedBps) : 0;
  const found = readError(row);
  const error = found === null ? null : Object.freeze(found);
  return Object.freeze({
    id: row.id,
    batchId: row.batchId,
    parentItemId: row.parentItemId,
    direction: row.direction,
    kind: row.kind,
    name: row.name,
    localPath: row.localPath,
    remoteParentId: row.remoteParentId,
    remoteFileId: row.remoteFileId,
    size: row.size,
    bytesDone,
    state: row.state,
    phase: row.state === 'running' ? (live?.phase ?? null) : null,
    pauseReason: row.pauseReason,
    error,
    conflict: row.conflict,
    priority: row.priority,
    speedBps,
    etaSeconds: speedBps > 0 ? Math.ceil(Math.max(0, row.size - bytesDone) / speedBps) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
  });
}

export interface SnapshotPublisher {
  changed(id: string): void;
  removed(id: string): void;
  /** Too much changed to list: listeners must re-read pages. */
  resync(): void;
  subscribe(listener: (snapshot: TransferSnapshot) => void): () => void;
  /** Emits now if anything is pending (used on shutdown and by tests). */
  flush(): void;
  close(): void;
}

export interface PublisherSource {
  summary(): TransferSummary;
  /** Current items for ids (missing ones are dropped). */
  items(ids: readonly string[]): TransferItem[];
  /** Ids that change on their own (running items' progress); included in every push. */
  live(): readonly string[];
}

export function createSnapshotPublisher(
  clock: Clock,
  intervalMs: number,
  source: PublisherSource,
): SnapshotPublisher {
  const listeners = new Set<(s: TransferSnapshot) => void>();
  let changed = new Set<string>();
  let removed = new Set<string>();
  let resync = false;
  let seq = 0;
  let lastEmit = -Infinity;
  let timer: AbortController | null = null;
  let beat: AbortController | null = null;

  /** Schedules the next push for running items, when none is pending. */
  const heartbeat = (): void => {
    if (beat || listeners.size === 0 || source.live().length === 0) return;
    const own = new AbortController();
    beat = own;
    clock.sleep(HEARTBEAT_MS, own.signal).then(
      () => {
        if (beat !== own) return;
        beat = null;
        schedule();
      },
      () => undefined,
    );
  };

  const emit = (): void => {
    timer = null;
    lastEmit = clock.now();
    for (const id of source.live()) changed.add(id);
    const tooMany = changed.size > MAX_CHANGED_PER_SNAPSHOT;
    const ids = [...changed].slice(0, MAX_CHANGED_PER_SNAPSHOT);
    const snapshot: TransferSnapshot = Object.freeze({
      seq: ++seq,
      summary: source.summary(),
      changed: Object.freeze(source.items(ids)),
      removed: Object.freeze([...removed].slice(0, MAX_CHANGED_PER_SNAPSHOT)),
      resync: resync || tooMany || removed.size > MAX_CHANGED_PER_SNAPSHOT,
    });
    changed = new Set();
    removed = new Set();
    resync = false;
    for (const listener of listeners) listener(snapshot);
    heartbeat();
  };

  const schedule = (): void => {
    if (timer) return;
    timer = new AbortController();
    const signal = timer.signal;
    const wait = Math.max(0, lastEmit + intervalMs - clock.now());
    clock.sleep(wait, signal).then(
      () => {
        if (!signal.aborted) emit();
      },
      () => undefined,
    );
  };

  // Nobody listening: nothing is collected or scheduled; a new listener starts with a resync.
  return {
    changed(id) {
      if (listeners.size === 0) return;
      changed.add(id);
      schedule();
    },
    removed(id) {
      if (listeners.size === 0) return;
      changed.delete(id);
      removed.add(id);
      schedule();
    },
    resync() {
      if (listeners.size === 0) return;
      resync = true;
      schedule();
    },
    subscribe(listener) {
      listeners.add(listener);
      resync = true;
      schedule();
      return () => void listeners.delete(listener);
    },
    flush() {
      if (!timer) return;
      timer.abort();
      emit();
    },
    close() {
      timer?.abort();
      timer = null;
      beat?.abort();
      beat = null;
      listeners.clear();
    },
  };
}

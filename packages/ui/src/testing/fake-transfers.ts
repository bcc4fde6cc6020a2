import { ok } from '@pandesk/contract';
import type {
  DownloadCommand,
  EnqueuedBatch,
  Result,
  TransferError,
  TransferItem,
  TransferPage,
  TransferPageQuery,
  TransferSnapshot,
  TransferState,
  TransferSummary,
  UploadCommand,
} from '@pandesk/contract';

/**
 * The transfer-queue half of the fake bridge: an in-memory queue with the engine's state
 * machine (queued → running → completed | failed; pause/resume/cancel/retry; auth pauses) and
 * batched snapshots pushed through `emit`. Progress only moves when a test calls `progress`,
 * so tests stay deterministic.
 */
export interface FakeTransfers {
  readonly items: Map<string, TransferItem>;
  upload(cmd: UploadCommand): Result<EnqueuedBatch>;
  download(cmd: DownloadCommand): Result<EnqueuedBatch>;
  act(action: 'pause' | 'resume' | 'cancel' | 'retry', ids?: readonly string[]): Result<null>;
  moveToTop(ids: readonly string[]): Result<null>;
  /** Removes completed, cancelled and skipped items (failed ones stay, as in the engine). */
  clearFinished(): Result<null>;
  clearFailed(): Result<null>;
  page(query: TransferPageQuery): Result<TransferPage>;
  summary(): TransferSummary;
  /** Test control: adds bytes to a running item (completes it when full). */
  progress(id: string, bytes: number, speedBps?: number): void;
  /** Test control: fails an item with a reason. */
  failItem(id: string, error: TransferError): void;
  /** Test control: changes an item as the engine would (phase, waiting reason, local name…). */
  patch(id: string, patch: Partial<TransferItem>): void;
  /** Pauses (auth lost) or resumes (auth back) everything that was waiting on auth. */
  setAuthBlocked(blocked: boolean): void;
}

const ACTIVE: ReadonlySet<TransferState> = new Set(['queued', 'running', 'paused']);
const FINISHED: ReadonlySet<TransferState> = new Set(['completed', 'cancelled', 'skipped']);
const FAILED: ReadonlySet<TransferState> = new Set(['failed']);

function baseName(path: string): string {
  const parts = path.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function createFakeTransfers(
  emit: (snapshot: TransferSnapshot) => void,
  concurrency = 2,
): FakeTransfers {
  const items = new Map<string, TransferItem>();
  let seq = 0;
  let nextId = 1;
  let authBlocked = false;
  const changed = new Map<string, TransferItem>();
  const removed: string[] = [];

  const put = (item: TransferItem): void => {
    items.set(item.id, item);
    changed.set(item.id, item);
  };
  const update = (id: string, patch: Partial<TransferItem>): void => {
    const item = items.get(id);
    if (item) put({ ...item, ...patch, updatedAt: Date.now() });
  };

  function schedule(): void {
    const running = [...items.values()].filter((i) => i.state === 'running').length;
    const queued = [...items.values()]
      .filter((i) => i.state === 'queued')
      .sort((a, b) => b.priority - a.priority);
    for (const item of queued.slice(0, Math.max(0, concurrency - running))) {
      update(item.id, { state: 'running', phase: item.direction === 'upload' ? 'uploading' : 'downloading' });
    }
  }

  function flush(): void {
    if (!authBlocked) schedule();
    const snapshot: TransferSnapshot = {
      seq: ++seq,
      summary: summary(),
      changed: [...changed.values()],
      removed: removed.splice(0),
      resync: false,
    };
    changed.clear();
    emit(snapshot);
  }

  function clear(states: ReadonlySet<TransferState>): Result<null> {
    for (const item of [...items.values()]) {
      if (!states.has(item.state)) continue;
      items.delete(item.id);
      changed.delete(item.id);
      removed.push(item.id);
    }
    flush();
    return ok(null);
  }

  function enqueue(
    direction: 'upload' | 'download',
    entries: {
      name: string;
      localPath: string;
      remoteParentId: number | null;
      remoteFileId: number | null;
      size: number;
      kind: 'file' | 'folder';
    }[],
    conflict: TransferItem['conflict'],
    batchId?: string,
  ): Result<EnqueuedBatch> {
    const batch = batchId ?? `batch-${nextId}`;
    const now = Date.now();
    for (const e of entries) {
      const id = `t${nextId++}`;
      put({
        id,
        batchId: batch,
        parentItemId: null,
        direction,
        ...e,
        bytesDone: 0,
        state: authBlocked ? 'paused' : 'queued',
        phase: null,
        pauseReason: authBlocked ? 'auth_required' : null,
        error: null,
        conflict,
        priority: 0,
        speedBps: 0,
        etaSeconds: null,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      });
    }
    flush();
    return ok({ batchId: batch });
  }

  function summary(): TransferSummary {
    const all = [...items.values()];
    const byState = { queued: 0, running: 0, paused: 0, completed: 0, failed: 0, cancelled: 0, skipped: 0 };
    for (const i of all) byState[i.state]++;
    const dir = (d: 'upload' | 'download') => {
      const mine = all.filter((i) => i.direction === d);
      return {
        running: mine.filter((i) => i.state === 'running').length,
        queued: mine.filter((i) => i.state === 'queued').length,
        bytesDone: mine.reduce((s, i) => s + i.bytesDone, 0),
        bytesTotal: mine.reduce((s, i) => s + i.size, 0),
        speedBps: mine.reduce((s, i) => s + i.speedBps, 0),
      };
    };
    const limits = {
      uploadFiles: concurrency,
      downloadFiles: concurrency,
      slicesPerFile: 3,
      segmentsPerFile: 4,
      uploadBytesPerSecond: 0,
      downloadBytesPerSecond: 0,
    };
    return {
      total: all.length,
      byState,
      upload: dir('upload'),
      download: dir('download'),
      authBlocked,
      limits,
    };
  }

  const applies: Record<'pause' | 'resume' | 'cancel' | 'retry', (i: TransferItem) => boolean> = {
    pause: (i) => i.state === 'queued' || i.state === 'running',
    resume: (i) => i.state === 'paused',
    cancel: (i) => ACTIVE.has(i.state),
    retry: (i) => i.state === 'failed' || i.state === 'cancelled',
  };
  const effects: Record<'pause' | 'resume' | 'cancel' | 'retry', Partial<TransferItem>> = {
    pause: { state: 'paused', pauseReason: 'user', phase: null, speedBps: 0 },
    resume: { state: 'queued', pauseReason: null },
    cancel: { state: 'cancelled', phase: null, speedBps: 0, finishedAt: Date.now() },
    retry: { state: 'queued', error: null, finishedAt: null },
  };

  return {
    items,
    upload: (cmd) =>
      enqueue(
        'upload',
        cmd.localPaths.map((p) => ({
          name: baseName(p),
          localPath: p,
          remoteParentId: cmd.remoteParentId,
          remoteFileId: null,
          size: 1000,
          kind: 'file' as const,
        })),
        cmd.conflict,
        cmd.batchId,
      ),
    download: (cmd) =>
      enqueue(
        'download',
        cmd.sources.map((s) => ({
          name: s.name,
          localPath: `${cmd.localDir}/${s.name}`,
          remoteParentId: null,
          remoteFileId: s.fileId,
          size: s.size ?? 0,
          kind: s.type,
        })),
        cmd.conflict,
        cmd.batchId,
      ),
    act(action, ids) {
      const targets = ids
        ? ids.map((id) => items.get(id)).filter((i): i is TransferItem => i !== undefined)
        : [...items.values()];
      for (const item of targets.filter(applies[action])) update(item.id, effects[action]);
      flush();
      return ok(null);
    },
    moveToTop(ids) {
      const top = Math.max(0, ...[...items.values()].map((i) => i.priority)) + 1;
      for (const id of ids) update(id, { priority: top });
      flush();
      return ok(null);
    },
    clearFinished: () => clear(FINISHED),
    clearFailed: () => clear(FAILED),
    page(query) {
      const all = [...items.values()]
        .filter((i) => (query.states ? query.states.includes(i.state) : true))
        .filter((i) => (query.direction ? i.direction === query.direction : true))
        .sort((a, b) =>
          // Like the journal: finished items latest first when asked, else the queue's order.
          query.order === 'recent'
            ? (b.finishedAt ?? 0) - (a.finishedAt ?? 0) || b.createdAt - a.createdAt
            : b.priority - a.priority || a.createdAt - b.createdAt,
        );
      return ok({
        total: all.length,
        offset: query.offset,
        items: all.slice(query.offset, query.offset + query.limit),
      });
    },
    summary,
    progress(id, bytes, speedBps = 1_000_000) {
      const item = items.get(id);
      if (!item || item.state !== 'running') return;
      const done = Math.min(item.size, item.bytesDone + bytes);
      const finished = done >= item.size;
      update(
        id,
        finished
          ? {
              bytesDone: done,
              state: 'completed',
              phase: null,
              speedBps: 0,
              etaSeconds: null,
              finishedAt: Date.now(),
            }
          : { bytesDone: done, speedBps, etaSeconds: Math.ceil((item.size - done) / speedBps) },
      );
      flush();
    },
    failItem(id, error) {
      update(id, { state: 'failed', error, phase: null, speedBps: 0, finishedAt: Date.now() });
      flush();
    },
    patch(id, patch) {
      update(id, patch);
      flush();
    },
    setAuthBlocked(blocked) {
      authBlocked = blocked;
      for (const item of items.values()) {
        if (blocked && (item.state === 'queued' || item.state === 'running'))
          update(item.id, { state: 'paused', pauseReason: 'auth_required', phase: null, speedBps: 0 });
        if (!blocked && item.state === 'paused' && item.pauseReason === 'auth_required')
          update(item.id, { state: 'queued', pauseReason: null });
      }
      flush();
    },
  };
}

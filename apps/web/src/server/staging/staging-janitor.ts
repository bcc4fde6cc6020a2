import type { PanDeskApi, PanDeskEventSource, TransferItem, TransferState } from '@pandesk/contract';
import type { StagingArea } from './staging-area';

/**
 * Removes staged drops once their uploads are over. The page stages a drop, then calls
 * `transfers.upload` with the staged paths; the janitor wraps that call to learn which staging
 * batches are in the queue, and after queue changes it removes each batch whose items all
 * finished (completed or skipped). Failed and cancelled items keep their batch so "retry",
 * which the list offers for both, still has the bytes; clearing them from the list releases it.
 * At start, batches no live item refers to (left by a crash or an abandoned drop) are removed.
 */

/** States in which an item may still read its staged source (failed and cancelled ones on retry). */
const LIVE_STATES: ReadonlySet<TransferState> = new Set([
  'queued',
  'running',
  'paused',
  'failed',
  'cancelled',
]);
const PAGE_SIZE = 1000;

export interface StagingJanitorOptions {
  readonly staging: StagingArea;
  readonly api: PanDeskApi;
  readonly events: PanDeskEventSource;
  /** Delay between a queue change and the check, ms (coalesces the ~4/s snapshots). */
  readonly debounceMs?: number;
  /** A registered batch no queue item refers to is removed after this long, ms. */
  readonly orphanGraceMs?: number;
  readonly now?: () => number;
  readonly onError?: (error: unknown, context: string) => void;
}

export interface StagingJanitor {
  /** `api` with `transfers.upload` wrapped to register staged batches. */
  readonly api: PanDeskApi;
  /** Removes batches no live item refers to; run once before serving. */
  sweep(): Promise<void>;
  /** Runs one check of the registered batches now (tests; normally event driven). */
  check(): Promise<void>;
  /** Registered batches still on disk. */
  pending(): string[];
  close(): void;
}

interface BatchRefs {
  readonly all: Map<string, number>;
  readonly live: Set<string>;
}

export function createStagingJanitor(options: StagingJanitorOptions): StagingJanitor {
  const { staging, api } = options;
  const now = options.now ?? Date.now;
  const debounceMs = options.debounceMs ?? 500;
  const graceMs = options.orphanGraceMs ?? 60_000;
  const registered = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  async function collectRefs(): Promise<BatchRefs> {
    const refs: BatchRefs = { all: new Map(), live: new Set() };
    for (let offset = 0; ;) {
      const page = await api.transfers.page({ offset, limit: PAGE_SIZE, direction: 'upload' });
      if (!page.ok) throw new Error(`transfers.page failed: ${page.error.code}`);
      for (const item of page.value.items) count(refs, item);
      offset += page.value.items.length;
      if (page.value.items.length === 0 || offset >= page.value.total) return refs;
    }
  }

  function count(refs: BatchRefs, item: TransferItem): void {
    const batch = staging.batchOf(item.localPath);
    if (batch === undefined) return;
    refs.all.set(batch, (refs.all.get(batch) ?? 0) + 1);
    if (LIVE_STATES.has(item.state)) refs.live.add(batch);
  }

  async function runCheck(): Promise<void> {
    if (registered.size === 0) return;
    const refs = await collectRefs();
    for (const [batch, since] of [...registered]) {
      if (refs.live.has(batch)) continue;
      const finished = (refs.all.get(batch) ?? 0) > 0;
      if (!finished && now() - since < graceMs) continue;
      await staging.removeBatch(batch);
      registered.delete(batch);
    }
  }

  function check(): Promise<void> {
    running ??= runCheck()
      .catch((error: unknown) => options.onError?.(error, 'staging cleanup'))
      .finally(() => {
        running = undefined;
        if (registered.size > 0) schedule(Math.max(debounceMs, 5_000));
      });
    return running;
  }

  function schedule(delay = debounceMs): void {
    if (closed || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void check();
    }, delay);
    timer.unref();
  }

  const upload: PanDeskApi['transfers']['upload'] = async (command) => {
    const result = await api.transfers.upload(command);
    if (result.ok) {
      for (const path of command.localPaths) {
        const batch = staging.batchOf(path);
        if (batch !== undefined && !registered.has(batch)) registered.set(batch, now());
      }
      if (registered.size > 0) schedule();
    }
    return result;
  };

  async function sweep(): Promise<void> {
    const refs = await collectRefs();
    for (const batch of await staging.listBatches()) {
      if (!refs.live.has(batch)) await staging.removeBatch(batch);
    }
  }

  const unsubscribe = options.events.on('transfers:changed', () => {
    if (registered.size > 0) schedule();
  });

  return {
    api: { ...api, transfers: { ...api.transfers, upload } },
    sweep,
    check,
    pending: () => [...registered.keys()],
    close() {
      closed = true;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

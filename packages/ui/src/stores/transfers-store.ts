import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type {
  ApiError,
  PanDeskBridge,
  TransferItem,
  TransferSnapshot,
  TransferOrder,
  TransferState,
  TransferSummary,
  Unsubscribe,
} from '@pandesk/contract';

export type TransferView = 'active' | 'failed' | 'completed';

export const VIEW_STATES: Readonly<Record<TransferView, readonly TransferState[]>> = {
  active: ['running', 'queued', 'paused'],
  failed: ['failed', 'cancelled'],
  completed: ['completed', 'skipped'],
};

/** The queue in its own order; what has finished, the latest first. */
const VIEW_ORDER: Readonly<Record<TransferView, TransferOrder>> = {
  active: 'queue',
  failed: 'recent',
  completed: 'recent',
};

/**
 * The transfers panel's mirror of the queue. The queue can hold 100,000 items, so only the
 * pages the panel scrolls to are fetched (`rows` is sparse by index); snapshots patch loaded
 * items in place, and a membership change (new, removed, state moved between views, resync)
 * re-reads the loaded pages.
 */
export interface TransfersState {
  summary: TransferSummary | null;
  view: TransferView;
  total: number;
  rows: ReadonlyMap<number, TransferItem>;
  error: ApiError | null;
  /** Cloud file id → local path of a completed download (for dragging files out to the OS). */
  localCopies: ReadonlyMap<number, string>;
  setView(view: TransferView): void;
  /** Makes sure rows [start, end) are loaded. */
  ensureRange(start: number, end: number): Promise<void>;
  reloadLoaded(): Promise<void>;
  applySnapshot(snapshot: TransferSnapshot): void;
  load(): Promise<void>;
  connect(): Unsubscribe;
}

export type TransfersStore = StoreApi<TransfersState>;

export const TRANSFER_PAGE = 200;

/** Adds completed downloads of single files to the local-copy map (unchanged map when none). */
function withCopies(
  copies: ReadonlyMap<number, string>,
  items: readonly TransferItem[],
): ReadonlyMap<number, string> {
  const done = items.filter(
    (i) =>
      i.direction === 'download' && i.kind === 'file' && i.state === 'completed' && i.remoteFileId !== null,
  );
  if (done.length === 0) return copies;
  const next = new Map(copies);
  for (const item of done) next.set(item.remoteFileId as number, item.localPath);
  return next;
}

export function createTransfersStore(bridge: PanDeskBridge): TransfersStore {
  let generation = 0;
  const loadedPages = new Set<number>();

  return createStore<TransfersState>()((set, get) => {
    async function fetchPage(pageIndex: number, gen: number): Promise<void> {
      const result = await bridge.transfers.page({
        offset: pageIndex * TRANSFER_PAGE,
        limit: TRANSFER_PAGE,
        states: [...VIEW_STATES[get().view]],
        order: VIEW_ORDER[get().view],
      });
      if (gen !== generation) return;
      if (!result.ok) return set({ error: result.error });
      const rows = new Map(get().rows);
      for (let i = pageIndex * TRANSFER_PAGE; i < (pageIndex + 1) * TRANSFER_PAGE; i++) rows.delete(i);
      result.value.items.forEach((item, i) => rows.set(result.value.offset + i, item));
      set({
        rows,
        total: result.value.total,
        error: null,
        localCopies: withCopies(get().localCopies, result.value.items),
      });
    }

    return {
      summary: null,
      view: 'active',
      total: 0,
      rows: new Map(),
      error: null,
      localCopies: new Map(),
      setView(view) {
        generation++;
        loadedPages.clear();
        set({ view, rows: new Map(), total: 0 });
        void get().ensureRange(0, TRANSFER_PAGE);
      },
      async ensureRange(start, end) {
        const gen = generation;
        const pages: number[] = [];
        for (
          let p = Math.floor(start / TRANSFER_PAGE);
          p <= Math.floor(Math.max(start, end - 1) / TRANSFER_PAGE);
          p++
        ) {
          if (!loadedPages.has(p)) pages.push(p);
        }
        pages.forEach((p) => loadedPages.add(p));
        await Promise.all(pages.map((p) => fetchPage(p, gen)));
      },
      async reloadLoaded() {
        const gen = ++generation;
        const pages = loadedPages.size > 0 ? [...loadedPages] : [0];
        loadedPages.clear();
        pages.forEach((p) => loadedPages.add(p));
        await Promise.all(pages.map((p) => fetchPage(p, gen)));
      },
      applySnapshot(snapshot) {
        const states = new Set(VIEW_STATES[get().view]);
        const byId = new Map<string, number>();
        get().rows.forEach((item, index) => byId.set(item.id, index));
        let membershipChanged = snapshot.resync || snapshot.removed.some((id) => byId.has(id));
        const rows = new Map(get().rows);
        for (const item of snapshot.changed) {
          const index = byId.get(item.id);
          const belongs = states.has(item.state);
          if (index !== undefined && belongs) rows.set(index, item);
          else if (index !== undefined || belongs) membershipChanged = true;
        }
        set({
          summary: snapshot.summary,
          rows,
          localCopies: withCopies(get().localCopies, snapshot.changed),
        });
        if (membershipChanged) void get().reloadLoaded();
      },
      async load() {
        const summary = await bridge.transfers.summary();
        if (summary.ok) set({ summary: summary.value });
        await get().ensureRange(0, TRANSFER_PAGE);
      },
      connect: () => bridge.on('transfers:changed', (snapshot) => get().applySnapshot(snapshot)),
    };
  });
}

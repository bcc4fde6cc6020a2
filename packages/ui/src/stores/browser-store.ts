import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ApiError, FileEntry, FileId, FolderChange, PanDeskBridge } from '@pandesk/contract';
import { compareEntries, mergeSorted } from '../lib/sort';
import type { SortOrder } from '../lib/sort';
import { clickSelect, EMPTY_SELECTION, moveFocus, pruneSelection, selectAll } from '../lib/selection';
import type { ClickModifiers, Selection } from '../lib/selection';
import { leaveSearch, stepBack, stepForward } from './history';
import type { Step } from './history';
import { createListingCache } from './listing-cache';
import { fetchListingPage, sameLocation } from './listing';
import type { Location } from './listing';

export type ListingStatus = 'idle' | 'loading' | 'streaming' | 'complete' | 'error';

/** A folder's name and parent, learnt from listings and the tree, for breadcrumbs. */
export interface KnownFolder {
  name: string;
  parentId: FileId;
}

/**
 * The main pane: where we are, history, the (sorted) entries streamed in page by page, and the
 * selection. A generation counter makes pages of an abandoned location harmless; completed
 * folder listings are cached (bounded) so revisiting shows at once and revalidates behind.
 * A revalidation (or a refresh) that fails keeps the rows and says so (`refreshError`, with
 * the time they were listed), so stale rows never pass for current ones.
 */
export interface BrowserState {
  rootId: FileId;
  /** The root folder's own name; null for the drive's top (the UI names it). */
  rootName: string | null;
  location: Location;
  back: readonly Location[];
  forward: readonly Location[];
  entries: readonly FileEntry[];
  status: ListingStatus;
  /** True while shown rows are being listed again behind them (revisit, refresh). */
  revalidating: boolean;
  error: ApiError | null;
  /** Listing the shown rows again failed: they may be out of date. */
  refreshError: ApiError | null;
  /** When the shown rows were listed (epoch ms), null before any listing. */
  listedAt: number | null;
  sort: SortOrder;
  selection: Selection;
  known: ReadonlyMap<FileId, KnownFolder>;
  setRoot(rootId: FileId, rootName?: string | null): void;
  /** The root folder's own name, once known. */
  setRootName(rootName: string | null): void;
  /** No drive to browse (signed out): nothing stays on screen. */
  reset(): void;
  /** Opens a location; `select` is selected once listed (open containing folder). */
  navigate(location: Location, select?: FileId): void;
  goBack(): void;
  goForward(): void;
  goUp(): void;
  /** Lists the location again from the service itself; failures are reported, rows stay. */
  refresh(): void;
  /** Leaves search results for where the user was before searching. */
  closeSearch(): void;
  setSort(key: SortOrder['key']): void;
  click(id: FileId, mods?: ClickModifiers): void;
  moveFocus(delta: number, extend?: boolean): void;
  selectAll(): void;
  clearSelection(): void;
  learn(folders: readonly { id: FileId; name: string; parentId: FileId }[]): void;
  /** Local effects of a mutation, applied at once (the back end's `folder:changed` confirms). */
  removeEntries(ids: readonly FileId[]): void;
  patchEntry(id: FileId, patch: Partial<FileEntry>): void;
  insertEntry(entry: FileEntry): void;
  onFolderChange(change: FolderChange): void;
  /** The selected entries, in list order. */
  selectedEntries(): FileEntry[];
}

export type BrowserStore = StoreApi<BrowserState>;

const CACHE_LIMIT = 20;

interface LoadMode {
  /** Keep the shown rows until the new listing is complete. */
  behind: boolean;
  /** Ask the service itself (past the back end's cache). */
  fresh: boolean;
}

export function createBrowserStore(bridge: PanDeskBridge, rootId: FileId = 0): BrowserStore {
  let generation = 0;
  const cache = createListingCache(CACHE_LIMIT);
  let pendingSelect: FileId | null = null;

  return createStore<BrowserState>()((set, get) => {
    const learnFrom = (items: readonly { id: FileId; name: string; parentId: FileId; kind?: string }[]) => {
      const folders = items.filter((e) => e.kind === undefined || e.kind === 'folder');
      if (folders.length === 0) return get().known;
      const known = new Map(get().known);
      for (const f of folders) known.set(f.id, { name: f.name, parentId: f.parentId });
      return known;
    };

    const withEntries = (entries: readonly FileEntry[]): Partial<BrowserState> => ({
      entries,
      selection: pruneSelection(get().selection, new Set(entries.map((e) => e.id))),
    });

    /** Selects the entry asked for by `navigate(…, select)` once it is listed. */
    const applyPendingSelect = (): void => {
      if (pendingSelect === null || !get().entries.some((e) => e.id === pendingSelect)) return;
      const id = pendingSelect;
      pendingSelect = null;
      get().click(id);
    };

    /** Streams a location's pages; with `behind` the visible entries stay until the listing completes. */
    async function load(location: Location, mode: LoadMode): Promise<void> {
      const gen = ++generation;
      const { behind } = mode;
      const cmp = compareEntries(get().sort);
      set(
        behind
          ? { revalidating: true, error: null }
          : {
              status: 'loading',
              entries: [],
              error: null,
              refreshError: null,
              revalidating: false,
              selection: EMPTY_SELECTION,
            },
      );
      let acc: FileEntry[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await fetchListingPage(bridge, location, cursor, mode.fresh && cursor === undefined);
        if (gen !== generation) return;
        if (!page.ok) {
          // Rows on screen stay, said to be possibly out of date; with none, the listing failed.
          if (behind && get().status === 'complete') set({ refreshError: page.error, revalidating: false });
          else set({ status: 'error', error: page.error, revalidating: false });
          return;
        }
        acc = mergeSorted(acc, page.value.items, cmp);
        const known = learnFrom([...(page.value.folders ?? []), ...page.value.items]);
        const done = page.value.cursor === null;
        if (!behind) set({ ...withEntries(acc), known, status: done ? 'complete' : 'streaming' });
        else set({ known });
        if (!behind) applyPendingSelect();
        if (done) break;
        cursor = page.value.cursor ?? undefined;
      }
      const listedAt = Date.now();
      if (behind) set({ ...withEntries(acc), status: 'complete', revalidating: false });
      set({ refreshError: null, listedAt });
      applyPendingSelect();
      if (location.kind === 'folder') cache.put(location.folderId, { entries: acc, listedAt });
    }

    function show(location: Location): void {
      const cached = location.kind === 'folder' ? cache.get(location.folderId) : undefined;
      if (cached) {
        set({
          location,
          entries: cached.entries,
          listedAt: cached.listedAt,
          status: 'complete',
          selection: EMPTY_SELECTION,
          error: null,
          refreshError: null,
        });
        applyPendingSelect();
        void load(location, { behind: true, fresh: true });
      } else {
        set({ location });
        void load(location, { behind: false, fresh: false });
      }
    }

    function take(step: Step | null): void {
      if (step === null) return;
      set({ back: step.back, forward: step.forward });
      show(step.to);
    }

    return {
      rootId,
      rootName: null,
      location: { kind: 'folder', folderId: rootId },
      back: [],
      forward: [],
      entries: [],
      status: 'idle',
      revalidating: false,
      error: null,
      refreshError: null,
      listedAt: null,
      sort: { key: 'name', dir: 'asc' },
      selection: EMPTY_SELECTION,
      known: new Map(),
      setRoot(id, name = null) {
        cache.clear();
        set({ rootId: id, rootName: name, back: [], forward: [] });
        show({ kind: 'folder', folderId: id });
      },
      setRootName: (rootName) => set({ rootName }),
      reset() {
        generation++;
        cache.clear();
        pendingSelect = null;
        set({
          location: { kind: 'folder', folderId: get().rootId },
          back: [],
          forward: [],
          entries: [],
          status: 'idle',
          revalidating: false,
          error: null,
          refreshError: null,
          listedAt: null,
          selection: EMPTY_SELECTION,
        });
      },
      navigate(location, select) {
        pendingSelect = select ?? null;
        const { location: here, back } = get();
        if (sameLocation(here, location) && get().status !== 'idle') {
          applyPendingSelect();
          return get().refresh();
        }
        set({ back: get().status === 'idle' ? back : [...back, here], forward: [] });
        show(location);
      },
      goBack: () => take(stepBack(get())),
      goForward: () => take(stepForward(get())),
      goUp() {
        const { location, rootId: root, known } = get();
        if (location.kind !== 'folder') return get().navigate({ kind: 'folder', folderId: root });
        if (location.folderId === root) return;
        const parent = known.get(location.folderId)?.parentId ?? root;
        get().navigate({ kind: 'folder', folderId: parent });
      },
      refresh: () => void load(get().location, { behind: get().status === 'complete', fresh: true }),
      closeSearch() {
        if (get().location.kind === 'search') take(leaveSearch(get(), get().rootId));
      },
      setSort(key) {
        const { sort, entries } = get();
        const next: SortOrder = { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' };
        set({ sort: next, entries: [...entries].sort(compareEntries(next)) });
      },
      click: (id, mods = {}) =>
        set({
          selection: clickSelect(
            get().selection,
            get().entries.map((e) => e.id),
            id,
            mods,
          ),
        }),
      moveFocus: (delta, extend = false) =>
        set({
          selection: moveFocus(
            get().selection,
            get().entries.map((e) => e.id),
            delta,
            extend,
          ),
        }),
      selectAll: () => set({ selection: selectAll(get().entries.map((e) => e.id)) }),
      clearSelection: () => set({ selection: EMPTY_SELECTION }),
      learn: (folders) => set({ known: learnFrom(folders) }),
      removeEntries(ids) {
        const gone = new Set(ids);
        set(withEntries(get().entries.filter((e) => !gone.has(e.id))));
      },
      patchEntry(id, patch) {
        const entries = get().entries.map((e) => (e.id === id ? { ...e, ...patch } : e));
        set({
          entries: entries.sort(compareEntries(get().sort)),
          known: learnFrom(entries.filter((e) => e.id === id)),
        });
      },
      insertEntry(entry) {
        set({
          entries: mergeSorted(get().entries, [entry], compareEntries(get().sort)),
          known: learnFrom([entry]),
        });
      },
      onFolderChange(change) {
        for (const id of change.folderIds) cache.delete(id);
        const here = get().location;
        const affected =
          (here.kind === 'folder' && change.folderIds.includes(here.folderId)) ||
          (here.kind === 'trash' && change.trashChanged);
        if (affected && get().status !== 'loading') void load(here, { behind: true, fresh: false });
      },
      selectedEntries() {
        const { entries, selection } = get();
        return entries.filter((e) => selection.selected.has(e.id));
      },
    };
  });
}

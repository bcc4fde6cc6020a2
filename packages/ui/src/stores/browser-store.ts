import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ApiError, FileEntry, FileId, FolderChange, PanDeskBridge } from '@pandesk/contract';
import { compareEntries, mergeSorted } from '../lib/sort';
import type { SortOrder } from '../lib/sort';
import { clickSelect, EMPTY_SELECTION, moveFocus, pruneSelection, selectAll } from '../lib/selection';
import type { ClickModifiers, Selection } from '../lib/selection';
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
 */
export interface BrowserState {
  rootId: FileId;
  location: Location;
  back: readonly Location[];
  forward: readonly Location[];
  entries: readonly FileEntry[];
  status: ListingStatus;
  /** True while a cached view is shown and its fresh listing loads behind it. */
  revalidating: boolean;
  error: ApiError | null;
  sort: SortOrder;
  selection: Selection;
  known: ReadonlyMap<FileId, KnownFolder>;
  setRoot(rootId: FileId): void;
  navigate(location: Location): void;
  goBack(): void;
  goForward(): void;
  goUp(): void;
  refresh(): void;
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

export function createBrowserStore(bridge: PanDeskBridge, rootId: FileId = 0): BrowserStore {
  let generation = 0;
  const cache = new Map<FileId, FileEntry[]>();

  return createStore<BrowserState>()((set, get) => {
    const cacheFolder = (id: FileId, entries: FileEntry[]): void => {
      cache.delete(id);
      cache.set(id, entries);
      if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as FileId);
    };

    const learnFrom = (items: readonly FileEntry[]): ReadonlyMap<FileId, KnownFolder> => {
      const folders = items.filter((e) => e.kind === 'folder');
      if (folders.length === 0) return get().known;
      const known = new Map(get().known);
      for (const f of folders) known.set(f.id, { name: f.name, parentId: f.parentId });
      return known;
    };

    const withEntries = (entries: readonly FileEntry[]): Partial<BrowserState> => ({
      entries,
      selection: pruneSelection(get().selection, new Set(entries.map((e) => e.id))),
    });

    /** Streams a location's pages; with `behind` the visible entries stay until the listing completes. */
    async function load(location: Location, behind: boolean): Promise<void> {
      const gen = ++generation;
      const cmp = compareEntries(get().sort);
      set(
        behind
          ? { revalidating: true, error: null }
          : { status: 'loading', entries: [], error: null, revalidating: false, selection: EMPTY_SELECTION },
      );
      let acc: FileEntry[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await fetchListingPage(bridge, location, cursor);
        if (gen !== generation) return;
        if (!page.ok) {
          set({ status: 'error', error: page.error, revalidating: false });
          return;
        }
        acc = mergeSorted(acc, page.value.items, cmp);
        const known = learnFrom(page.value.items);
        const done = page.value.cursor === null;
        if (!behind) set({ ...withEntries(acc), known, status: done ? 'complete' : 'streaming' });
        else set({ known });
        if (done) break;
        cursor = page.value.cursor ?? undefined;
      }
      if (behind) set({ ...withEntries(acc), status: 'complete', revalidating: false });
      if (location.kind === 'folder') cacheFolder(location.folderId, acc);
    }

    function show(location: Location): void {
      const cached = location.kind === 'folder' ? cache.get(location.folderId) : undefined;
      if (cached) {
        set({ location, entries: cached, status: 'complete', selection: EMPTY_SELECTION, error: null });
        void load(location, true);
      } else {
        set({ location });
        void load(location, false);
      }
    }

    return {
      rootId,
      location: { kind: 'folder', folderId: rootId },
      back: [],
      forward: [],
      entries: [],
      status: 'idle',
      revalidating: false,
      error: null,
      sort: { key: 'name', dir: 'asc' },
      selection: EMPTY_SELECTION,
      known: new Map(),
      setRoot(id) {
        cache.clear();
        set({ rootId: id, back: [], forward: [] });
        show({ kind: 'folder', folderId: id });
      },
      navigate(location) {
        const { location: here, back } = get();
        if (sameLocation(here, location) && get().status !== 'idle') return get().refresh();
        set({ back: get().status === 'idle' ? back : [...back, here], forward: [] });
        show(location);
      },
      goBack() {
        const { back, forward, location } = get();
        const prev = back[back.length - 1];
        if (!prev) return;
        set({ back: back.slice(0, -1), forward: [location, ...forward] });
        show(prev);
      },
      goForward() {
        const { back, forward, location } = get();
        const next = forward[0];
        if (!next) return;
        set({ back: [...back, location], forward: forward.slice(1) });
        show(next);
      },
      goUp() {
        const { location, rootId: root, known } = get();
        if (location.kind !== 'folder') return get().navigate({ kind: 'folder', folderId: root });
        if (location.folderId === root) return;
        const parent = known.get(location.folderId)?.parentId ?? root;
        get().navigate({ kind: 'folder', folderId: parent });
      },
      refresh: () => void load(get().location, get().status === 'complete'),
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
      learn(folders) {
        const known = new Map(get().known);
        for (const f of folders) known.set(f.id, { name: f.name, parentId: f.parentId });
        set({ known });
      },
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
        if (affected && get().status !== 'loading') void load(here, true);
      },
      selectedEntries() {
        const { entries, selection } = get();
        return entries.filter((e) => selection.selected.has(e.id));
      },
    };
  });
}

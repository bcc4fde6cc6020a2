import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ApiError, FileId, PanDeskBridge, TreeNode } from '@pandesk/contract';

/**
 * A folder in the sidebar tree. `children` is null until first looked into: a folder's
 * children are loaded when it is expanded, and the children of shown folders are looked into
 * quietly, so a folder without subfolders shows no expand arrow before anyone opens it.
 */
export interface TreeItem {
  id: FileId;
  name: string;
  parentId: FileId | null;
  children: readonly FileId[] | null;
  loading: boolean;
  error: ApiError | null;
}

/** One visible row of the flattened tree, for rendering and keyboard navigation. */
export interface VisibleNode {
  id: FileId;
  depth: number;
}

export interface TreeState {
  rootId: FileId;
  nodes: ReadonlyMap<FileId, TreeItem>;
  expanded: ReadonlySet<FileId>;
  focusedId: FileId;
  /** `rootName`: the root folder's own name ('' for the drive's top, which the UI names). */
  reset(rootId: FileId, rootName: string): void;
  /** No drive: an empty tree. */
  clear(): void;
  expand(id: FileId): Promise<void>;
  collapse(id: FileId): void;
  toggle(id: FileId): Promise<void>;
  focus(id: FileId): void;
  /**
   * Shows a folder opened elsewhere (list, breadcrumbs): expands its ancestors, root first,
   * and focuses it. `path` is root-to-folder; unknown tail ids are skipped.
   */
  reveal(path: readonly FileId[]): Promise<void>;
  /** Reloads the children of folders already loaded (after `folder:changed`). */
  reload(ids: readonly FileId[]): Promise<void>;
  visible(): VisibleNode[];
}

export type TreeStore = StoreApi<TreeState>;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** Folders looked into at once, and at most how many children of one folder. */
const PROBES_AT_ONCE = 2;
const PROBES_PER_FOLDER = 50;

export function createTreeStore(
  bridge: PanDeskBridge,
  onLearn?: (nodes: readonly TreeNode[]) => void,
): TreeStore {
  /** Folders being looked into quietly right now (never twice at once). */
  const probing = new Set<FileId>();
  return createStore<TreeState>()((set, get) => {
    const patch = (id: FileId, change: Partial<TreeItem>): void => {
      const node = get().nodes.get(id);
      if (!node) return;
      const nodes = new Map(get().nodes);
      nodes.set(id, { ...node, ...change });
      set({ nodes });
    };

    /** `quiet`: a look-ahead (no spinner, failures ignored: the folder is loaded again when opened). */
    async function loadChildren(id: FileId, quiet = false): Promise<void> {
      if (!quiet) patch(id, { loading: true, error: null });
      const result = await bridge.files.treeChildren({ folderId: id });
      if (!result.ok) return quiet ? undefined : patch(id, { loading: false, error: result.error });
      if (!get().nodes.has(id)) return;
      const sorted = [...result.value].sort((a, b) => collator.compare(a.name, b.name));
      onLearn?.(sorted);
      const nodes = new Map(get().nodes);
      for (const child of sorted) {
        const old = nodes.get(child.id);
        nodes.set(child.id, {
          id: child.id,
          name: child.name,
          parentId: id,
          children: old?.children ?? null,
          loading: false,
          error: null,
        });
      }
      const parent = nodes.get(id);
      if (parent) nodes.set(id, { ...parent, children: sorted.map((c) => c.id), loading: false });
      set({ nodes });
    }

    /** Looks into the children of `id` that were never loaded, a few at a time. */
    async function probeChildren(id: FileId): Promise<void> {
      const queue = (get().nodes.get(id)?.children ?? [])
        .filter((child) => get().nodes.get(child)?.children === null && !probing.has(child))
        .slice(0, PROBES_PER_FOLDER);
      queue.forEach((child) => probing.add(child));
      const worker = async (): Promise<void> => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const node = get().nodes.get(next);
          if (node && node.children === null && !node.loading) await loadChildren(next, true);
          probing.delete(next);
        }
      };
      await Promise.all(Array.from({ length: PROBES_AT_ONCE }, worker));
    }

    return {
      rootId: 0,
      nodes: new Map(),
      expanded: new Set(),
      focusedId: 0,
      reset(rootId, rootName) {
        const root: TreeItem = {
          id: rootId,
          name: rootName,
          parentId: null,
          children: null,
          loading: false,
          error: null,
        };
        set({ rootId, nodes: new Map([[rootId, root]]), expanded: new Set(), focusedId: rootId });
        void get().expand(rootId);
      },
      clear: () => set({ nodes: new Map(), expanded: new Set() }),
      async expand(id) {
        const node = get().nodes.get(id);
        if (!node) return;
        if (!get().expanded.has(id)) set({ expanded: new Set(get().expanded).add(id) });
        if (node.children === null && !node.loading) await loadChildren(id);
        void probeChildren(id);
      },
      collapse(id) {
        const expanded = new Set(get().expanded);
        expanded.delete(id);
        set({ expanded });
      },
      toggle: (id) => (get().expanded.has(id) ? Promise.resolve(get().collapse(id)) : get().expand(id)),
      focus: (focusedId) => set({ focusedId }),
      async reveal(path) {
        for (const id of path.slice(0, -1)) {
          if (!get().nodes.has(id)) return;
          await get().expand(id);
        }
        const last = path[path.length - 1];
        if (last !== undefined && get().nodes.has(last)) set({ focusedId: last });
      },
      async reload(ids) {
        const loaded = ids.filter((id) => get().nodes.get(id)?.children != null);
        await Promise.all(loaded.map((id) => loadChildren(id)));
      },
      visible() {
        const { nodes, expanded, rootId } = get();
        const out: VisibleNode[] = [];
        const walk = (id: FileId, depth: number): void => {
          out.push({ id, depth });
          if (!expanded.has(id)) return;
          for (const child of nodes.get(id)?.children ?? []) walk(child, depth + 1);
        };
        if (nodes.has(rootId)) walk(rootId, 0);
        return out;
      },
    };
  });
}

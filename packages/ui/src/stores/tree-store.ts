import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ApiError, FileId, PanDeskBridge, TreeNode } from '@pandesk/contract';

/** A folder in the sidebar tree. `children` is null until first expanded (lazy). */
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
  reset(rootId: FileId, rootName: string): void;
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

export function createTreeStore(
  bridge: PanDeskBridge,
  onLearn?: (nodes: readonly TreeNode[]) => void,
): TreeStore {
  return createStore<TreeState>()((set, get) => {
    const patch = (id: FileId, change: Partial<TreeItem>): void => {
      const node = get().nodes.get(id);
      if (!node) return;
      const nodes = new Map(get().nodes);
      nodes.set(id, { ...node, ...change });
      set({ nodes });
    };

    async function loadChildren(id: FileId): Promise<void> {
      patch(id, { loading: true, error: null });
      const result = await bridge.files.treeChildren({ folderId: id });
      if (!result.ok) return patch(id, { loading: false, error: result.error });
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
      async expand(id) {
        const node = get().nodes.get(id);
        if (!node) return;
        if (!get().expanded.has(id)) set({ expanded: new Set(get().expanded).add(id) });
        if (node.children === null && !node.loading) await loadChildren(id);
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

import { because, checkName, ok } from '@pandesk/contract';
import type { ErrorReason, NameCheck } from '@pandesk/contract';
import type {
  FileEntry,
  FileId,
  FilePage,
  FolderPage,
  Result,
  SearchPage,
  TreeNode,
} from '@pandesk/contract';

/**
 * The drive half of the fake bridge: folders, files and the recycle bin in memory, with the
 * service's rules that matter to the UI (names checked, name conflicts, root immovable, trashed
 * items hidden from listings, pull-streamed pages with opaque cursors).
 */
export interface FakeDrive {
  readonly items: Map<FileId, StoredItem>;
  add(entry: {
    name: string;
    parentId: FileId;
    kind?: 'file' | 'folder';
    size?: number;
    modifiedAt?: number;
    /** Content MD5 (default: the same for every file). */
    md5?: string;
  }): FileEntry;
  /** Adds `count` files named `prefix-00001…` to a folder (for large-folder tests). */
  addMany(parentId: FileId, count: number, prefix?: string): void;
  list(folderId: FileId, cursor?: string): Result<FolderPage>;
  treeChildren(folderId: FileId): Result<TreeNode[]>;
  mkdir(parentId: FileId, name: string): Result<{ id: FileId }>;
  rename(id: FileId, name: string): Result<FileId>;
  move(ids: readonly FileId[], target: FileId): Result<FileId[]>;
  trash(ids: readonly FileId[]): Result<FileId[]>;
  listTrash(cursor?: string): Result<FilePage>;
  restore(
    ids: readonly FileId[],
    target?: FileId,
  ): Result<{ restored: FileId[]; needsTarget: FileId[]; folders: FileId[] }>;
  deleteForever(ids: readonly FileId[]): Result<null>;
  /** Like the back end: only items inside `rootId`, with the folders on the way to them. */
  search(query: string, exact: boolean, cursor?: string, rootId?: FileId): Result<SearchPage>;
  usedBytes(): number;
  /** A file's size, or a folder's total (live contents, at any depth), as `files.detail` reports it. */
  sizeOf(id: FileId): number;
}

export interface StoredItem {
  entry: FileEntry;
  trashed: boolean;
}

const EPOCH = Date.UTC(2025, 0, 1);

function categoryOf(name: string): FileEntry['category'] {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  if (['mp3', 'flac', 'wav'].includes(ext)) return 'audio';
  if (['mp4', 'mkv', 'avi'].includes(ext)) return 'video';
  if (['jpg', 'jpeg', 'png', 'gif'].includes(ext)) return 'image';
  return 'other';
}

/** A failed result the way the back end words it: by reason (the code follows from it). */
function refuse(reason: ErrorReason, message: string, params?: Record<string, string | number>) {
  return { ok: false as const, error: because(reason, message, params ? { params } : {}) };
}

function refuseName(check: Exclude<NameCheck, { ok: true }>) {
  const params = {
    problem: check.problem,
    ...(check.character === undefined ? {} : { character: check.character }),
  };
  return refuse('name_rules', check.message, params);
}

export function createFakeDrive(pageSize: number): FakeDrive {
  const items = new Map<FileId, StoredItem>();
  let nextId = 1000;

  const live = (id: FileId): StoredItem | undefined => {
    const item = items.get(id);
    return item && !item.trashed ? item : undefined;
  };
  const isFolder = (id: FileId): boolean => id === 0 || live(id)?.entry.kind === 'folder';
  const childrenOf = (folderId: FileId): FileEntry[] =>
    [...items.values()].filter((i) => !i.trashed && i.entry.parentId === folderId).map((i) => i.entry);
  const nameTaken = (parentId: FileId, name: string, except?: FileId): boolean =>
    childrenOf(parentId).some((e) => e.name === name && e.id !== except);

  function add(input: Parameters<FakeDrive['add']>[0]): FileEntry {
    const kind = input.kind ?? 'file';
    const entry: FileEntry = {
      id: nextId++,
      name: input.name,
      parentId: input.parentId,
      kind,
      size: kind === 'folder' ? 0 : (input.size ?? 1024),
      md5: kind === 'folder' ? null : (input.md5 ?? '0'.repeat(32)),
      category: kind === 'folder' ? 'other' : categoryOf(input.name),
      createdAt: input.modifiedAt ?? EPOCH,
      modifiedAt: input.modifiedAt ?? EPOCH + nextId * 1000,
      blocked: false,
    };
    items.set(entry.id, { entry, trashed: false });
    return entry;
  }

  /** Cursor = offset into a stable, id-ordered listing (the service pages by lastFileId). */
  function page(all: FileEntry[], cursor: string | undefined): { items: FileEntry[]; cursor: string | null } {
    const start = cursor === undefined ? 0 : Number(cursor.slice(2));
    const slice = all.slice(start, start + pageSize);
    const end = start + slice.length;
    return { items: slice, cursor: end < all.length ? `c:${end}` : null };
  }

  function checkIds(ids: readonly FileId[]): Result<StoredItem[]> {
    if (ids.includes(0)) return refuse('invalid_request', 'ids: must not include the drive root (id 0)');
    const found = ids.map((id) => live(id));
    if (found.some((i) => i === undefined))
      return refuse('item_not_found', 'One of the items no longer exists.');
    return ok(found as StoredItem[]);
  }

  function isInside(id: FileId, ancestor: FileId): boolean {
    for (
      let cur: FileId | undefined = id;
      cur !== undefined && cur !== 0;
      cur = items.get(cur)?.entry.parentId
    ) {
      if (cur === ancestor) return true;
    }
    return false;
  }

  const replace = (item: StoredItem, patch: Partial<FileEntry>): void => {
    item.entry = { ...item.entry, ...patch };
  };

  return {
    items,
    add,
    addMany(parentId, count, prefix = 'file') {
      for (let i = 1; i <= count; i++)
        add({ name: `${prefix}-${String(i).padStart(5, '0')}.bin`, parentId, size: i });
    },
    list(folderId, cursor) {
      if (!isFolder(folderId)) return refuse('item_not_found', 'This folder no longer exists.');
      const all = childrenOf(folderId).sort((a, b) => a.id - b.id);
      return ok({ folderId, ...page(all, cursor) });
    },
    treeChildren(folderId) {
      if (!isFolder(folderId)) return refuse('item_not_found', 'This folder no longer exists.');
      const nodes = childrenOf(folderId).filter((e) => e.kind === 'folder');
      return ok(nodes.map((e) => ({ id: e.id, name: e.name, parentId: e.parentId })));
    },
    mkdir(parentId, name) {
      const check = checkName(name);
      if (!check.ok) return refuseName(check);
      if (!isFolder(parentId)) return refuse('item_not_found', 'The parent folder no longer exists.');
      if (nameTaken(parentId, name)) return refuse('name_taken', `“${name}” already exists here.`, { name });
      return ok({ id: add({ name, parentId, kind: 'folder' }).id });
    },
    rename(id, name) {
      const check = checkName(name);
      if (!check.ok) return refuseName(check);
      const item = live(id);
      if (!item) return refuse('item_not_found', 'The item no longer exists.');
      if (nameTaken(item.entry.parentId, name, id))
        return refuse('name_taken', `“${name}” already exists here.`, { name });
      replace(item, { name });
      return ok(item.entry.parentId);
    },
    move(ids, target) {
      const found = checkIds(ids);
      if (!found.ok) return found;
      if (!isFolder(target)) return refuse('item_not_found', 'The target folder no longer exists.');
      if (ids.some((id) => isInside(target, id)))
        return refuse('move_into_itself', 'A folder cannot be moved into itself.');
      const sources = new Set(found.value.map((i) => i.entry.parentId));
      for (const item of found.value) replace(item, { parentId: target });
      return ok([...sources, target]);
    },
    trash(ids) {
      const found = checkIds(ids);
      if (!found.ok) return found;
      for (const item of found.value) item.trashed = true;
      return ok([...new Set(found.value.map((i) => i.entry.parentId))]);
    },
    listTrash(cursor) {
      const all = [...items.values()].filter((i) => i.trashed).map((i) => i.entry);
      return ok(page(all, cursor));
    },
    restore(ids, target) {
      const restored: FileId[] = [];
      const needsTarget: FileId[] = [];
      const folders = new Set<FileId>();
      for (const id of ids) {
        const item = items.get(id);
        if (!item?.trashed) continue;
        const parent = target ?? item.entry.parentId;
        if (!isFolder(parent)) {
          needsTarget.push(id);
          continue;
        }
        item.trashed = false;
        replace(item, { parentId: parent });
        restored.push(id);
        folders.add(parent);
      }
      return ok({ restored, needsTarget, folders: [...folders] });
    },
    deleteForever(ids) {
      for (const id of ids) if (items.get(id)?.trashed) items.delete(id);
      return ok(null);
    },
    search(query, exact, cursor, rootId = 0) {
      const q = query.toLowerCase();
      /** Folders from below the root down to `parentId`, or null when outside the root. */
      const chain = (parentId: FileId): TreeNode[] | null => {
        const path: TreeNode[] = [];
        for (let id = parentId; id !== rootId;) {
          const folder = live(id);
          if (id === 0 || !folder) return null;
          path.unshift({ id, name: folder.entry.name, parentId: folder.entry.parentId });
          id = folder.entry.parentId;
        }
        return path;
      };
      const hits = [...items.values()]
        .filter(
          (i) => !i.trashed && (exact ? i.entry.name === query : i.entry.name.toLowerCase().includes(q)),
        )
        .filter((i) => chain(i.entry.parentId) !== null)
        .map((i) => i.entry);
      const shown = page(hits, cursor);
      const folders = new Map<FileId, TreeNode>();
      for (const e of shown.items) for (const f of chain(e.parentId) ?? []) folders.set(f.id, f);
      return ok({ ...shown, folders: [...folders.values()] });
    },
    usedBytes: () => [...items.values()].reduce((sum, i) => sum + i.entry.size, 0),
    sizeOf: function sizeOf(id: FileId): number {
      const item = items.get(id);
      if (item?.entry.kind === 'file') return item.entry.size;
      return childrenOf(id).reduce((sum, e) => sum + sizeOf(e.id), 0);
    },
  };
}

/** A small sample tree: two folders with a subfolder and files, and a file at the root. */
export function seedSampleDrive(drive: FakeDrive): void {
  const docs = drive.add({ name: 'Documents', parentId: 0, kind: 'folder' });
  const photos = drive.add({ name: 'Photos', parentId: 0, kind: 'folder' });
  drive.add({ name: 'Reports', parentId: docs.id, kind: 'folder' });
  drive.add({ name: 'notes.txt', parentId: docs.id, size: 2048 });
  drive.add({ name: 'beach.jpg', parentId: photos.id, size: 3_500_000 });
  drive.add({ name: 'readme.md', parentId: 0, size: 512 });
}

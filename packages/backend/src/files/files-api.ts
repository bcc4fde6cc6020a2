/**
 * The contract's `files` domain over the open-api client: listings (with the cache), detail,
 * mutations (names checked before any request), recycle bin, search and quota. After every
 * mutation the touched folders are dropped from the cache and announced with
 * `folder:changed`, so no view keeps showing a stale listing.
 */
import { ApiException, checkName } from '@pandesk/contract';
import type { FileId, FilesApi, PanDeskEventHub, Quota } from '@pandesk/contract';
import { ok } from '@pandesk/contract';
import type { PanClient } from '@pandesk/open-api';
import { mapErrors } from '../errors/map-error';
import { encodeCursor, expectCursor } from './cursor';
import type { FolderCache } from './folder-cache';
import { fetchPage } from './folder-listing';
import type { FolderListing } from './folder-listing';
import { toFileDetail, toFileEntry } from './map-entry';
import { createSearchScope } from './search-scope';
import type { TrashBin } from './trash-bin';

export interface FilesApiOptions {
  client: () => PanClient;
  cache: FolderCache;
  listing: FolderListing;
  /** The recycle bin view (root listing merged with the trash ledger). */
  bin: TrashBin;
  events: PanDeskEventHub;
  /** A call was refused for auth: the status must say so. */
  onAuthFailure: () => void;
  /** Re-reads the account after changes to used space (quota in `auth:changed`). */
  onSpaceChanged: () => void;
  /** The root folder: search answers only what is inside it. */
  rootFolderId: () => FileId;
  /** Copies inside the drive, run as cloud tasks (`cloud/copy-runner.ts`). */
  copy: FilesApi['copy'];
}

function requireName(name: string): void {
  const check = checkName(name);
  if (!check.ok)
    throw ApiException.because('name_rules', check.message, {
      params: {
        problem: check.problem,
        ...(check.character === undefined ? {} : { character: check.character }),
      },
    });
}

export function createFilesApi(options: FilesApiOptions): FilesApi {
  const { cache, events } = options;
  const scope = createSearchScope();
  const run = <T>(work: () => Promise<T>) =>
    mapErrors(work).then(ok, (error: unknown) => {
      if (error instanceof ApiException && error.code === 'auth_required') options.onAuthFailure();
      throw error;
    });

  function changed(folderIds: readonly FileId[], trashChanged = false): void {
    const unique = [...new Set(folderIds)];
    for (const id of unique) cache.invalidate(id);
    events.emit('folder:changed', { folderIds: unique, trashChanged });
  }

  /** Parents of items, from the cache where known, else asked from the service. */
  async function parentsOf(ids: readonly FileId[]): Promise<FileId[]> {
    const known = ids.map((id) => cache.parentOf(id));
    const missing = ids.filter((_, i) => known[i] === undefined);
    const found =
      missing.length === 0 ? [] : (await options.client().files.infos(missing)).map((e) => e.parentId);
    return [...known.filter((p): p is FileId => p !== undefined), ...found];
  }

  return {
    list: ({ folderId, fresh }) => run(() => options.listing.list(folderId, fresh === true)),
    listMore: ({ folderId, cursor }) => run(() => options.listing.listMore(folderId, cursor)),
    treeChildren: ({ folderId }) => run(() => options.listing.treeChildren(folderId)),
    detail: ({ id }) => run(async () => toFileDetail(await options.client().files.detail(id))),
    mkdir: ({ parentId, name }) =>
      run(async () => {
        requireName(name);
        const id = await options.client().files.mkdir(parentId, name);
        changed([parentId]);
        return { id };
      }),
    rename: ({ id, name }) =>
      run(async () => {
        requireName(name);
        const parents = await parentsOf([id]);
        await options.client().files.rename(id, name);
        changed(parents);
        return null;
      }),
    move: ({ ids, targetFolderId }) =>
      run(async () => {
        const parents = await parentsOf(ids);
        await options.client().files.move(ids, targetFolderId);
        changed([...parents, targetFolderId, ...ids]);
        return null;
      }),
    trash: ({ ids }) =>
      run(async () => {
        const parents = await parentsOf(ids);
        await options.client().files.trash(ids);
        await options.bin.trashed(ids);
        changed([...parents, ...ids], true);
        return null;
      }),
    listTrash: ({ cursor }) =>
      run(async () => {
        const page = cursor === undefined ? 1 : expectCursor(cursor, ['trash']).page;
        return options.bin.page(page);
      }),
    restore: ({ ids, targetFolderId }) =>
      run(async () => {
        const client = options.client();
        if (targetFolderId !== undefined) {
          await client.files.recoverTo(ids, targetFolderId);
          await options.bin.left(ids);
          changed([targetFolderId], true);
          return { restored: [...ids], needsTarget: [] };
        }
        const needsTarget = new Set(await client.files.recover(ids));
        const restored = ids.filter((id) => !needsTarget.has(id));
        await options.bin.left(restored);
        changed(
          restored.length === 0 ? [] : (await client.files.infos(restored)).map((e) => e.parentId),
          true,
        );
        return { restored, needsTarget: [...needsTarget] };
      }),
    deleteForever: ({ ids }) =>
      run(async () => {
        await options.client().files.deleteForever(ids);
        await options.bin.left(ids);
        changed([], true);
        options.onSpaceChanged();
        return null;
      }),
    search: ({ query, exact, cursor }) =>
      run(async () => {
        const after = cursor === undefined ? 0 : expectCursor(cursor, ['search']).next;
        const client = options.client();
        const page = await fetchPage(client, 0, after, { query: query.trim(), exact: exact === true });
        const placed = await scope.place(client, page.items.map(toFileEntry), options.rootFolderId());
        return {
          ...placed,
          cursor: page.done ? null : encodeCursor({ kind: 'search', next: page.nextCursor }),
        };
      }),
    quota: () =>
      run(async (): Promise<Quota> => {
        const user = await options.client().user.info();
        options.onSpaceChanged();
        return { usedBytes: user.spaceUsed, totalBytes: user.spaceTotal };
      }),
    copy: options.copy,
  };
}

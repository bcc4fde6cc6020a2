import { PanError } from '../errors';
import type { CallOptions, HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import { mapFileDetail, mapFileItem, mapFileItemV1, mapListPage } from '../map/files';
import type { ListPage, PanEntry, TrashPage } from '../types';
import { chunk } from '../util/batch';
import { wireFileDetail, wireInfos, wireListV1, wireListV2 } from '../wire/files';

export interface ListOptions extends CallOptions {
  /** Page size, 1..100 (default 100). */
  limit?: number;
  /** Resume from a cursor returned earlier (`ListPage.nextCursor`); default: the first page. */
  cursor?: number;
  /** Global search (the service then ignores the folder), §4.1. */
  search?: string;
  /** 'fuzzy' (default) or 'exact' full-name match. */
  searchMode?: 'fuzzy' | 'exact';
}

export interface ListingApi {
  /** Pages of a folder (v2 list), until the service says -1. Short and empty pages are normal. */
  list(parentId: number, options?: ListOptions): AsyncIterable<ListPage>;
  /** Every live entry of a folder (all pages collected). */
  listAll(parentId: number, options?: Omit<ListOptions, 'cursor'>): Promise<PanEntry[]>;
  /**
   * Recycle bin pages: v1 list with trashed=true (0.2 QPS on free accounts, so it is slow).
   * `parentId` (default 0) is the folder whose trashed children are listed; whether the real
   * service answers the whole bin for the root is undocumented.
   */
  listTrash(options?: TrashListOptions): AsyncIterable<TrashPage>;
  detail(fileId: number, options?: CallOptions): Promise<PanEntry>;
  /** Entries for many ids (batches of 100); unknown ids are simply absent. */
  infos(fileIds: readonly number[], options?: { signal?: AbortSignal }): Promise<PanEntry[]>;
}

export interface TrashListOptions {
  signal?: AbortSignal;
  parentId?: number;
  limit?: number;
  startPage?: number;
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new PanError('invalid_argument', `list limit must be 1..100, got ${limit}`);
  return limit;
}

export function createListingApi(core: HttpCore): ListingApi {
  async function* list(parentId: number, options: ListOptions = {}): AsyncGenerator<ListPage> {
    const limit = checkLimit(options.limit ?? 100);
    let cursor = options.cursor ?? 0;
    const seen = new Set<number>();
    for (;;) {
      const wire = await core.call(ENDPOINTS.listV2, wireListV2, {
        signal: options.signal,
        onWait: options.onWait,
        query: {
          parentFileId: parentId,
          limit,
          lastFileId: cursor === 0 ? undefined : cursor,
          searchData: options.search || undefined,
          searchMode: options.search ? (options.searchMode === 'exact' ? 1 : 0) : undefined,
        },
      });
      const page = mapListPage(wire);
      yield page;
      if (page.done) return;
      // The cursor is opaque, but a cursor that repeats would loop forever: stop loudly instead.
      if (seen.has(page.nextCursor))
        throw new PanError('bad_response', 'file.list: the paging cursor repeated', {
          endpoint: 'file.list',
        });
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  async function* listTrash(options: TrashListOptions = {}): AsyncGenerator<TrashPage> {
    const limit = checkLimit(options.limit ?? 100);
    for (let page = options.startPage ?? 1; ; page++) {
      const wire = await core.call(ENDPOINTS.listV1, wireListV1, {
        signal: options.signal,
        query: {
          parentFileId: options.parentId ?? 0,
          page,
          limit,
          orderBy: 'file_id',
          orderDirection: 'asc',
          trashed: true,
        },
      });
      const items = wire.fileList.map((w) => mapFileItemV1(w, true)).filter((e) => e.trashed);
      const done = wire.fileList.length < limit || page * limit >= wire.total;
      yield { items, page, total: wire.total, done };
      if (done) return;
    }
  }

  return {
    list,
    async listAll(parentId, options = {}) {
      const out: PanEntry[] = [];
      for await (const page of list(parentId, options)) out.push(...page.items);
      return out;
    },
    listTrash,
    async detail(fileId, options = {}) {
      return mapFileDetail(
        await core.call(ENDPOINTS.detail, wireFileDetail, {
          signal: options.signal,
          onWait: options.onWait,
          query: { fileID: fileId },
        }),
      );
    },
    async infos(fileIds, options = {}) {
      const out: PanEntry[] = [];
      for (const batch of chunk(fileIds, 100)) {
        const items = await core.call(ENDPOINTS.infos, wireInfos, {
          signal: options.signal,
          json: { fileIds: batch },
        });
        out.push(...items.map(mapFileItem));
      }
      return out;
    },
  };
}

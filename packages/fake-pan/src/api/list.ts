/**
 * Listings (reference §4.1, §4.2).
 *
 * v2: ascending `fileId`; the cursor is the page's last id, `-1` when nothing follows; trashed
 * children are included (`trashed: 1`) and the `trashed` query is ignored; `searchData` searches
 * the whole drive. `limit` over 100 is clamped or refused (switch `listLimitOver100`). An unknown
 * `parentFileId` lists as empty (§4.1: "probably returns an empty list").
 * v1: page-numbered (1-based), `orderBy` file_id|size|file_name|… and `orderDirection`, optional
 * `trashed` filter, `total`, times with "+0800 CST".
 */
import { ApiError, CODES } from '../core/errors';
import type { FileNode } from '../core/drive-state';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import type { Params } from '../http/params';
import type { Router } from '../http/router';
import { toListItem, toV1Item } from './file-items';
import { searchMatcher, searchPage } from './search';

export const MAX_LIST_LIMIT = 100;

function pageLimit(ctx: FakePanContext, query: Params): number {
  const limit = query.number('limit', MAX_LIST_LIMIT);
  if (!Number.isInteger(limit) || limit < 1) throw new ApiError(CODES.general, 'limit参数错误');
  if (limit <= MAX_LIST_LIMIT) return limit;
  if (ctx.switches.listLimitOver100 === 'error') throw new ApiError(CODES.general, 'limit最大为100');
  return MAX_LIST_LIMIT;
}

function listV2(ctx: FakePanContext, query: Params): Record<string, unknown> {
  const limit = pageLimit(ctx, query);
  const afterId = Math.max(0, query.optionalId('lastFileId') ?? 0);
  const searchData = query.optionalString('searchData');
  const page = searchData
    ? searchPage(
        ctx.state,
        searchMatcher(searchData, query.number('searchMode', 0)),
        ctx.clock.now() - ctx.faults.searchLagMs,
        afterId,
        limit,
      )
    : ctx.state.page(query.id('parentFileId'), afterId, limit);
  const last = page.items[page.items.length - 1];
  return {
    lastFileId: page.hasMore && last ? last.id : -1,
    fileList: page.items.map(toListItem),
  };
}

const V1_ORDER: Record<string, (a: FileNode, b: FileNode) => number> = {
  file_id: (a, b) => a.id - b.id,
  size: (a, b) => a.size - b.size || a.id - b.id,
  file_name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id),
  create_at: (a, b) => a.createAt - b.createAt || a.id - b.id,
  update_at: (a, b) => a.updateAt - b.updateAt || a.id - b.id,
};

function listV1(ctx: FakePanContext, query: Params): Record<string, unknown> {
  const limit = pageLimit(ctx, query);
  const page = query.number('page', 1);
  if (!Number.isInteger(page) || page < 1) throw new ApiError(CODES.general, 'page参数错误');
  const order = V1_ORDER[query.optionalString('orderBy') ?? 'file_id'] ?? V1_ORDER['file_id'];
  const desc = query.optionalString('orderDirection') === 'desc';
  const trashed = query.has('trashed') ? query.bool('trashed', false) : undefined;
  const searchData = query.optionalString('searchData');
  const match = searchData ? searchMatcher(searchData, 0) : undefined;
  let nodes = match
    ? [...ctx.state.tree.values()].filter((n) => match(n.name))
    : ctx.state.children(query.id('parentFileId'));
  if (trashed !== undefined) nodes = nodes.filter((n) => n.trashed === trashed);
  nodes.sort((a, b) => (desc ? -1 : 1) * (order as (a: FileNode, b: FileNode) => number)(a, b));
  const slice = nodes.slice((page - 1) * limit, page * limit);
  return { total: nodes.length, fileList: slice.map((n) => toV1Item(ctx.state, n)) };
}

export function registerListRoutes(api: Router, ctx: FakePanContext): void {
  api.get('/api/v2/file/list', (req) => ok(listV2(ctx, req.query)));
  api.get('/api/v1/file/list', (req) => ok(listV1(ctx, req.query)));
}

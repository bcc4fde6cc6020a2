/**
 * `GET /api/v1/file/detail?fileID=` (§4.3) and `POST /api/v1/file/infos` (§4.4).
 * infos answers with `list`, `fileList` or both (switch `infosListKey`); unknown ids are left
 * out of the list (own choice: the reference documents no error for infos), but a call whose
 * ids are all unknown answers 5066 like detail.
 */
import { ApiError, CODES, notFound } from '../core/errors';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import type { Router } from '../http/router';
import { toDetail, toListItem } from './file-items';

export const MAX_INFOS_IDS = 100;

export function registerDetailRoutes(api: Router, ctx: FakePanContext): void {
  api.get('/api/v1/file/detail', (req) => {
    const node = ctx.state.require(req.query.id('fileID'));
    return ok(toDetail(ctx.state, node));
  });

  api.post('/api/v1/file/infos', async (req) => {
    const ids = (await req.body()).idList('fileIds');
    if (ids.length === 0) throw new ApiError(CODES.general, '文件ID列表不能为空');
    if (ids.length > MAX_INFOS_IDS) throw new ApiError(CODES.general, `一次最多查询${MAX_INFOS_IDS}个文件`);
    const items = ids.flatMap((id) => {
      const node = ctx.state.get(id);
      return node ? [toListItem(node)] : [];
    });
    if (items.length === 0) throw notFound();
    const key = ctx.switches.infosListKey;
    return ok({
      ...(key !== 'fileList' ? { list: items } : {}),
      ...(key !== 'list' ? { fileList: items } : {}),
    });
  });
}

/**
 * Direct-link endpoints (reference §6.4, §8.3):
 * - `POST /api/v1/direct-link/enable {fileID}` and `.../disable {fileID}` on a live folder →
 *   `{filename: <folder name>}`; both are idempotent;
 * - `GET /api/v1/direct-link/url?fileID=<file>` → `{url}` for a live file under an enabled folder;
 * - `POST /api/v1/direct-link/cache/refresh` → `data: null`; the CDN forgets what it cached.
 *
 * With switch `directLinkNeedsVip` every one of them answers code 1 with `DIRECT_LINK_VIP_MESSAGE`
 * for a non-VIP account. Unknown ids → 5066; the root, a file where a folder is needed (or the
 * reverse), something in the trash, or a file outside every enabled folder → code 1. A trashed
 * file asked for its URL is 5066 like `download_info`.
 */
import { ROOT_ID } from '../core/drive-state';
import { ApiError, CODES, notFound } from '../core/errors';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import type { Router } from '../http/router';
import type { DirectLinks } from './direct-links';

export const DIRECT_LINK_MESSAGES = {
  vipOnly: '直链功能仅对VIP会员或开发者开放',
  root: '根目录不能开启直链空间',
  notFolder: '直链空间只能是文件夹',
  trashed: '文件夹已在回收站',
  notFile: '只能获取文件的直链',
  outside: '文件不在已开启直链的文件夹中',
} as const;

const fail = (message: string): ApiError => new ApiError(CODES.general, message);

export function registerDirectLinkRoutes(api: Router, ctx: FakePanContext, links: DirectLinks): void {
  const allowed = (): void => {
    if (ctx.switches.directLinkNeedsVip && !ctx.user.vip) throw fail(DIRECT_LINK_MESSAGES.vipOnly);
  };
  const liveFolder = (id: number) => {
    if (id === ROOT_ID) throw fail(DIRECT_LINK_MESSAGES.root);
    const node = ctx.state.require(id);
    if (node.type !== 1) throw fail(DIRECT_LINK_MESSAGES.notFolder);
    if (ctx.state.inTrash(node)) throw fail(DIRECT_LINK_MESSAGES.trashed);
    return node;
  };

  api.post('/api/v1/direct-link/enable', async (req) => {
    allowed();
    const folder = liveFolder((await req.body()).id('fileID'));
    links.enable(folder.id);
    return ok({ filename: folder.name });
  });

  api.post('/api/v1/direct-link/disable', async (req) => {
    allowed();
    const folder = liveFolder((await req.body()).id('fileID'));
    links.disable(folder.id);
    return ok({ filename: folder.name });
  });

  api.get('/api/v1/direct-link/url', (req) => {
    allowed();
    const node = ctx.state.get(req.query.id('fileID'));
    if (!node || ctx.state.inTrash(node)) throw notFound();
    if (node.type !== 0) throw fail(DIRECT_LINK_MESSAGES.notFile);
    if (links.enabledAncestor(node) === undefined) throw fail(DIRECT_LINK_MESSAGES.outside);
    return ok({ url: links.urlFor(node) });
  });

  api.post('/api/v1/direct-link/cache/refresh', () => {
    allowed();
    links.refreshCache();
    return ok(null);
  });
}

/**
 * Folder and file mutations (reference §5): mkdir, rename (one via PUT, many via POST),
 * move, trash, recover, recover/by_path, delete. `data` is null except where noted.
 */
import {
  LIMITS,
  applyRenames,
  assertBatch,
  checkRenames,
  deleteNodes,
  moveNodes,
  recoverNodes,
  recoverNodesTo,
  trashNodes,
} from '../core/drive-mutations';
import { formatFileTime } from '../core/clock';
import { ApiError, CODES, badParam } from '../core/errors';
import type { FakePanContext } from '../http/context';
import { ok, type Reply } from '../http/envelope';
import type { Router } from '../http/router';

/** Parses `"<id>|<newName>"` (the name may itself contain no `|`: it is a forbidden char). */
function parseRenameEntry(entry: string): { id: number; name: string } {
  const bar = entry.indexOf('|');
  const idText = bar > 0 ? entry.slice(0, bar) : '';
  if (!/^\d+$/.test(idText)) throw badParam('renameList');
  return { id: Number(idText), name: entry.slice(bar + 1) };
}

/** Rename-many answers `null` (all or nothing) or per-entry lists (switch `renameManyResponse`). */
function renameMany(ctx: FakePanContext, entries: { id: number; name: string }[]): Reply {
  if (ctx.switches.renameManyResponse === 'null') {
    checkRenames(ctx.state, entries);
    applyRenames(ctx.state, entries);
    return ok(null);
  }
  const successList: { fileID: number; updateAt: string }[] = [];
  const failList: { fileID: number; message: string }[] = [];
  for (const entry of entries) {
    try {
      checkRenames(ctx.state, [entry]);
      const [node] = applyRenames(ctx.state, [entry]);
      if (node) successList.push({ fileID: node.id, updateAt: formatFileTime(node.updateAt) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      failList.push({ fileID: entry.id, message: err.message });
    }
  }
  return ok({ successList, failList });
}

export function registerMutationRoutes(api: Router, ctx: FakePanContext): void {
  const { state } = ctx;

  api.post('/upload/v1/file/mkdir', async (req) => {
    const body = await req.body();
    const folder = state.createFolder(body.id('parentID'), body.optionalString('name') ?? '');
    return ok({ dirID: folder.id });
  });

  api.put('/api/v1/file/name', async (req) => {
    const body = await req.body();
    const entry = { id: body.id('fileId'), name: body.optionalString('fileName') ?? '' };
    checkRenames(state, [entry]);
    applyRenames(state, [entry]);
    return ok(null);
  });

  api.post('/api/v1/file/rename', async (req) => {
    const list = (await req.body()).stringList('renameList');
    if (list.length === 0) throw new ApiError(CODES.general, 'renameList不能为空');
    if (list.length > LIMITS.renameMany)
      throw new ApiError(CODES.general, `一次最多重命名${LIMITS.renameMany}个文件`);
    return renameMany(ctx, list.map(parseRenameEntry));
  });

  api.post('/api/v1/file/move', async (req) => {
    const body = await req.body();
    const ids = body.idList('fileIDs');
    assertBatch(ids, LIMITS.move);
    moveNodes(state, ids, body.id('toParentFileID'));
    return ok(null);
  });

  api.post('/api/v1/file/trash', async (req) => {
    trashNodes(state, (await req.body()).idList('fileIDs'));
    return ok(null);
  });

  api.post('/api/v1/file/recover', async (req) => {
    const abnormalFileIDs = recoverNodes(state, (await req.body()).idList('fileIDs'));
    return ok({ abnormalFileIDs });
  });

  api.post('/api/v1/file/recover/by_path', async (req) => {
    const body = await req.body();
    recoverNodesTo(state, body.idList('fileIDs'), body.id('parentFileID'));
    return ok(null);
  });

  api.post('/api/v1/file/delete', async (req) => {
    deleteNodes(state, (await req.body()).idList('fileIDs'));
    return ok(null);
  });
}

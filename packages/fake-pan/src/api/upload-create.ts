/**
 * API-host upload entry points that need no bytes: `POST /upload/v2/file/create` (§7.2),
 * `GET /upload/v2/file/domain` (§7.5) and `POST /upload/v2/file/sha1_reuse` (§7.7).
 *
 * create: rapid upload when (etag, size) is already stored → `{fileID, reuse: true}` and nothing
 * else; otherwise a pre-upload session → `{fileID: 0, reuse: false, preuploadID, sliceSize,
 * servers: [uploadUrl]}`. A zero-byte file (when allowed) is always a rapid hit: the empty
 * content needs no slices. `containDir` folders are created when create succeeds.
 */
import { ApiError, CODES } from '../core/errors';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import type { Params } from '../http/params';
import type { Router } from '../http/router';
import {
  MAX_UPLOAD_BYTES,
  checkPlacement,
  checkSize,
  ensureFolders,
  parseDuplicate,
  placeFile,
  planTarget,
  readUploadTarget,
} from './upload-placement';
import type { UploadSessions } from './upload-sessions';

const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

/** Slice size handed out for a file of `size` bytes (switches sliceSize / largeFileThreshold). */
export function sliceSizeFor(ctx: FakePanContext, size: number): number {
  const { sliceSize, largeFileThreshold, largeSliceSize } = ctx.switches;
  return largeFileThreshold > 0 && size >= largeFileThreshold ? largeSliceSize : sliceSize;
}

/** create's answer data; shared with the v1 create, which answers the same without `servers`. */
export async function createUpload(
  ctx: FakePanContext,
  sessions: UploadSessions,
  body: Params,
): Promise<Record<string, unknown>> {
  const { md5, size, duplicate, plan } = readUploadTarget(ctx, body, MAX_UPLOAD_BYTES);
  if (size === 0) {
    if (md5 !== EMPTY_MD5) throw new ApiError(CODES.general, 'etag与文件大小不符');
    await ctx.content.putBuffer(new Uint8Array(0));
  }
  if (ctx.content.has(md5, size)) {
    const fileID = placeFile(ctx, ensureFolders(ctx.state, plan), plan.name, { md5, size }, duplicate);
    return { fileID, reuse: true };
  }
  const sliceSize = sliceSizeFor(ctx, size);
  const folderId = ensureFolders(ctx.state, plan);
  const session = sessions.create({ parentId: folderId, name: plan.name, md5, size, sliceSize, duplicate });
  return {
    fileID: 0,
    reuse: false,
    preuploadID: session.preuploadID,
    sliceSize,
    servers: [ctx.urls.uploadUrl],
  };
}

/** JSON or form-encoded body (OpenList sends JSON, p123client form fields, §7.7). */
function sha1Reuse(ctx: FakePanContext, body: Params): unknown {
  const parentId = body.id('parentFileID');
  const sha1 = body.string('sha1').trim().toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(sha1)) throw new ApiError(CODES.general, '参数错误: sha1');
  const size = body.id('size');
  const filename = body.optionalString('filename') ?? `${sha1}-${size}`;
  const duplicate = parseDuplicate(body.number('duplicate', 0));
  checkSize(ctx, size, MAX_UPLOAD_BYTES);
  const plan = planTarget(ctx.state, parentId, filename, body.bool('containDir', false));
  checkPlacement(ctx, plan, size, duplicate);
  const blob = ctx.content.findBySha1(sha1, size);
  if (!blob) return { fileID: 0, reuse: false };
  const fileID = placeFile(ctx, ensureFolders(ctx.state, plan), plan.name, blob, duplicate);
  return { fileID, reuse: true };
}

export function registerCreateRoutes(api: Router, ctx: FakePanContext, sessions: UploadSessions): void {
  api.post('/upload/v2/file/create', async (req) => ok(await createUpload(ctx, sessions, await req.body())));
  api.get('/upload/v2/file/domain', () => ok([ctx.urls.uploadUrl]));
  api.post('/upload/v2/file/sha1_reuse', async (req) => ok(sha1Reuse(ctx, await req.body())));
}

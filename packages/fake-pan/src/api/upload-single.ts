/**
 * `POST {uploadUrl}/upload/v2/file/single/create` (reference §7.6): one multipart request with
 * text fields `parentFileID`, `filename`, `etag`, `size`, optional `duplicate` and `containDir`
 * (`"true"`/`"false"`), and the file part `file`; at most 1 GB. Answers `{fileID, completed: true}`.
 *
 * The part streams to a temp file while MD5 and SHA-1 are computed; bytes whose MD5 or length
 * differ from `etag`/`size` → code 1 `文件上传失败`. When the content was already stored the
 * upload is rapid (same answer; the bytes are simply dropped).
 */
import { ApiError, CODES, badParam } from '../core/errors';
import { discardFile, type MultipartResult } from '../content/multipart';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import { createParams } from '../http/params';
import type { Router } from '../http/router';
import { UPLOAD_FAILED_MESSAGE } from './upload-complete';
import { MAX_SINGLE_UPLOAD_BYTES, ensureFolders, placeFile, readUploadTarget } from './upload-placement';
import { readMultipart } from './upload-slice';

/** Validates the form and stores the content; returns the new file id. Takes over the temp file. */
async function singleCreate(ctx: FakePanContext, form: MultipartResult): Promise<number> {
  const fields = createParams(form.fields, true);
  const { md5, size, duplicate, plan } = readUploadTarget(ctx, fields, MAX_SINGLE_UPLOAD_BYTES);
  const file = form.file;
  if (!file || file.fieldName !== 'file') throw badParam('file');
  if (file.md5 !== md5 || file.size !== size) throw new ApiError(CODES.general, UPLOAD_FAILED_MESSAGE);
  await ctx.content.adoptFile(file.path, { md5, sha1: file.sha1, size });
  return placeFile(ctx, ensureFolders(ctx.state, plan), plan.name, { md5, size }, duplicate);
}

export function registerSingleRoute(upload: Router, ctx: FakePanContext): void {
  upload.post('/upload/v2/file/single/create', async (req) => {
    const form = await readMultipart(ctx, req, MAX_SINGLE_UPLOAD_BYTES, true, (name, value) =>
      name === 'etag' ? { md5: value.trim() } : undefined,
    );
    try {
      return ok({ fileID: await singleCreate(ctx, form), completed: true });
    } finally {
      await discardFile(form.file); // a no-op once the store adopted it
    }
  });
}

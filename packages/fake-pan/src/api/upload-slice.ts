/**
 * `POST {uploadUrl}/upload/v2/file/slice` (reference §7.3), multipart: `preuploadID`, `sliceNo`
 * (1-based), `sliceMD5`, then the file part `slice`. The part streams to a temp file and is moved
 * into the session's slice folder; answers `data: null`.
 *
 * - Slices may arrive in any order and in parallel; re-sending a number replaces its bytes.
 * - `sliceMD5` ≠ the bytes' MD5 → code 1 (switch `rejectSliceMd5Mismatch`; off = the bad slice
 *   is kept and completion catches it).
 * - With `enforceSliceSize` every slice but the last must be exactly `sliceSize` and the last
 *   exactly the remainder; off = any length is stored (completion checks the total).
 * - Unknown or expired `preuploadID`, a number outside 1..count, or a session that already
 *   completed → code 1.
 */
import { ApiError, CODES, badParam } from '../core/errors';
import { discardFile, MultipartError, parseMultipart, type MultipartResult } from '../content/multipart';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import { createParams } from '../http/params';
import type { ApiRequest } from '../http/request';
import type { Router } from '../http/router';
import type { UploadSession, UploadSessions } from './upload-sessions';

/** Largest part accepted even with `enforceSliceSize` off; bytes go to disk, so this is generous. */
export const MAX_SLICE_PART_BYTES = 1024 ** 3;

export const SLICE_MD5_MESSAGE = '分片MD5校验失败';
export const SLICE_SIZE_MESSAGE = '分片大小不正确';

/** What an upload-host request's bytes are counted towards, decided by one of its text fields. */
export type TrafficKeyOf = (
  field: string,
  value: string,
) => { md5?: string; preuploadID?: string } | undefined;

/**
 * Parses a multipart upload body, turning parser failures into code 1 answers. The body is read
 * through the upload host's bandwidth cap (fault `uploadBytesPerSecond`) and counted in
 * `ctx.traffic` under the key `keyOf` finds among the text fields.
 */
export async function readMultipart(
  ctx: FakePanContext,
  req: ApiRequest,
  maxFileBytes: number,
  withSha1: boolean,
  keyOf: TrafficKeyOf,
): Promise<MultipartResult> {
  const metered = ctx.traffic.meterUpload(req.raw, () => ctx.faults.uploadBytesPerSecond);
  try {
    return await parseMultipart(req.raw, {
      tempPath: (p) => ctx.content.tempPath(p),
      maxFileBytes,
      withSha1,
      body: metered.body,
      onField: (name, value) => {
        const key = keyOf(name, value);
        if (key) metered.attribute(key);
      },
    });
  } catch (error) {
    if (error instanceof MultipartError && error.reason === 'too_large') {
      throw new ApiError(CODES.general, '上传内容超过大小限制');
    }
    throw badParam(error instanceof MultipartError ? `multipart (${error.reason})` : 'multipart');
  }
}

function expectedSliceBytes(sessions: UploadSessions, session: UploadSession, sliceNo: number): number {
  const count = sessions.sliceCount(session);
  return sliceNo < count ? session.sliceSize : session.size - (count - 1) * session.sliceSize;
}

async function acceptSlice(
  ctx: FakePanContext,
  sessions: UploadSessions,
  form: MultipartResult,
): Promise<void> {
  const fields = createParams(form.fields, true);
  const session = sessions.require(fields.string('preuploadID'));
  if (session.fileId !== undefined) throw new ApiError(CODES.general, '该文件已上传完成');
  const sliceNo = fields.id('sliceNo');
  if (sliceNo < 1 || sliceNo > sessions.sliceCount(session)) throw badParam('sliceNo');
  const file = form.file;
  if (!file || file.fieldName !== 'slice') throw badParam('slice');
  const declared = fields.string('sliceMD5').trim().toLowerCase();
  if (ctx.switches.rejectSliceMd5Mismatch && declared !== file.md5)
    throw new ApiError(CODES.general, SLICE_MD5_MESSAGE);
  if (ctx.switches.enforceSliceSize && file.size !== expectedSliceBytes(sessions, session, sliceNo)) {
    throw new ApiError(CODES.general, SLICE_SIZE_MESSAGE);
  }
  await sessions.storeSlice(session, sliceNo, file.path, { md5: file.md5, size: file.size });
}

/** The declared MD5 of a live session, for counting its bytes; undefined for an unknown id. */
function sessionMd5(sessions: UploadSessions, preuploadID: string): string | undefined {
  try {
    return sessions.require(preuploadID).md5;
  } catch {
    return undefined;
  }
}

export function registerSliceRoute(upload: Router, ctx: FakePanContext, sessions: UploadSessions): void {
  upload.post('/upload/v2/file/slice', async (req) => {
    const form = await readMultipart(ctx, req, MAX_SLICE_PART_BYTES, false, (name, value) =>
      name === 'preuploadID' ? { preuploadID: value, md5: sessionMd5(sessions, value) } : undefined,
    );
    try {
      await acceptSlice(ctx, sessions, form);
    } catch (error) {
      await discardFile(form.file);
      throw error;
    }
    return ok(null);
  });
}

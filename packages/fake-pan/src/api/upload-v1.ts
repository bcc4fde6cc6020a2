/**
 * The legacy v1 upload flow (reference §7.9, §12 "v1 variant"), on the same pre-upload sessions
 * and completion as v2:
 * - `POST /upload/v1/file/create`: v2's create, answered without `servers`;
 * - `POST /upload/v1/file/get_upload_url` `{preuploadID, sliceNo}` → `{presignedURL, isMultipart}`,
 *   a one-hour URL on the upload host;
 * - `PUT <presignedURL>`: raw slice bytes, no `Authorization` or `Platform` (storage, not the API):
 *   HTTP 200 with an empty body, 403 for an unknown or expired URL or session, 400 for a slice of
 *   the wrong size (switch `enforceSliceSize`);
 * - `POST /upload/v1/file/list_upload_parts` → `{parts: [{partNumber: "1", size, etag}]}`
 *   (`partNumber` a string, as in the docs' example);
 * - `POST /upload/v1/file/upload_complete` → `{async, completed, fileID}`: `async: true` while
 *   verification runs (`completePolls` "not yet" answers), then `upload_async_result` →
 *   `{completed, fileID}`. MD5 mismatch → code 1 `文件上传失败`, as in v2.
 * Presigned URLs live in memory only: a restarted emulator wants a fresh one (clients fetch each
 * one just before its PUT, §7.9).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { ApiError, CODES, badParam } from '../core/errors';
import { createHashingStream } from '../content/hashing';
import type { FakePanContext } from '../http/context';
import { HANDLED, ok, type Reply } from '../http/envelope';
import type { ApiRequest } from '../http/request';
import type { Router } from '../http/router';
import type { Completer } from './upload-complete';
import { createUpload } from './upload-create';
import { MAX_SLICE_PART_BYTES } from './upload-slice';
import type { UploadSession, UploadSessions } from './upload-sessions';

export const PRESIGNED_PATH = '/upload/v1/presigned';
export const PRESIGNED_LIFETIME_MS = 60 * 60 * 1000;

interface Ticket {
  preuploadID: string;
  sliceNo: number;
  expiresAt: number;
}

function sliceBytes(sessions: UploadSessions, session: UploadSession, sliceNo: number): number {
  const count = sessions.sliceCount(session);
  return sliceNo < count ? session.sliceSize : session.size - (count - 1) * session.sliceSize;
}

function storageAnswer(res: ServerResponse, status: number): Reply {
  res.writeHead(status, { 'Content-Length': 0 });
  res.end();
  return HANDLED;
}

/** Streams a presigned PUT body to a temp file while hashing, then stores it as the slice. */
async function receivePart(ctx: FakePanContext, sessions: UploadSessions, ticket: Ticket, req: ApiRequest) {
  let session: UploadSession;
  try {
    session = sessions.require(ticket.preuploadID);
  } catch {
    return storageAnswer(req.res, 403);
  }
  if (session.fileId !== undefined) return storageAnswer(req.res, 403);
  const temp = ctx.content.tempPath('v1-part');
  const hashing = createHashingStream(false, MAX_SLICE_PART_BYTES);
  try {
    await pipeline(req.raw, hashing, createWriteStream(temp));
  } catch {
    await rm(temp, { force: true });
    return storageAnswer(req.res, 400);
  }
  const { md5, size } = hashing.result();
  if (ctx.switches.enforceSliceSize && size !== sliceBytes(sessions, session, ticket.sliceNo)) {
    await rm(temp, { force: true });
    return storageAnswer(req.res, 400);
  }
  await sessions.storeSlice(session, ticket.sliceNo, temp, { md5, size });
  return storageAnswer(req.res, 200);
}

export function registerV1UploadRoutes(
  routers: { api: Router; upload: Router },
  ctx: FakePanContext,
  sessions: UploadSessions,
  completer: Completer,
): void {
  const { api, upload } = routers;
  const tickets = new Map<string, Ticket>();
  const sessionOf = async (req: ApiRequest) => sessions.require((await req.body()).string('preuploadID'));

  api.post('/upload/v1/file/create', async (req) => {
    const answer = await createUpload(ctx, sessions, await req.body());
    delete answer['servers'];
    return ok(answer);
  });

  api.post('/upload/v1/file/get_upload_url', async (req) => {
    const body = await req.body();
    const session = sessions.require(body.string('preuploadID'));
    if (session.fileId !== undefined) throw new ApiError(CODES.general, '该文件已上传完成');
    const sliceNo = body.id('sliceNo');
    const count = sessions.sliceCount(session);
    if (sliceNo < 1 || sliceNo > count) throw badParam('sliceNo');
    const now = ctx.clock.now();
    for (const [key, t] of tickets) if (t.expiresAt <= now) tickets.delete(key);
    const key = randomBytes(18).toString('base64url');
    tickets.set(key, { preuploadID: session.preuploadID, sliceNo, expiresAt: now + PRESIGNED_LIFETIME_MS });
    return ok({
      presignedURL: `${ctx.urls.uploadUrl}${PRESIGNED_PATH}?ticket=${key}`,
      isMultipart: count > 1,
    });
  });

  upload.put(
    PRESIGNED_PATH,
    (req) => {
      const ticket = tickets.get(req.url.searchParams.get('ticket') ?? '');
      if (!ticket || ticket.expiresAt <= ctx.clock.now()) return storageAnswer(req.res, 403);
      return receivePart(ctx, sessions, ticket, req);
    },
    { auth: false, checks: false },
  );

  api.post('/upload/v1/file/list_upload_parts', async (req) => {
    const session = await sessionOf(req);
    const parts = Object.entries(session.slices)
      .map(([n, rec]) => ({ partNumber: n, size: rec.size, etag: rec.md5 }))
      .sort((a, b) => Number(a.partNumber) - Number(b.partNumber));
    return ok({ parts });
  });

  api.post('/upload/v1/file/upload_complete', async (req) => {
    const done = await completer.run(await sessionOf(req));
    return ok(
      done.completed
        ? { async: false, completed: true, fileID: done.fileID }
        : { async: true, completed: false, fileID: 0 },
    );
  });

  api.post('/upload/v1/file/upload_async_result', async (req) => {
    const done = await completer.run(await sessionOf(req));
    return ok({ completed: done.completed, fileID: done.completed ? done.fileID : 0 });
  });
}

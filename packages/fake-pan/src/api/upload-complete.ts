/**
 * `POST /upload/v2/file/upload_complete` (reference §7.4), body `{preuploadID}`.
 *
 * Order of answers for one session:
 * 1. Already completed → `{completed: true, fileID}` again (same id every time).
 * 2. Slices missing → code 1 `分片不完整…` (own choice, §7.4 leaves it open: a non-zero code
 *    makes a client bug visible at once instead of after a poll budget). The session stays, so
 *    the client can send the missing slices and complete again. No "not yet" answer is used up.
 * 3. The first `completePolls` calls answer "not yet": `{completed: false, fileID: 0}` or code
 *    20103 (switch `completeNotYetStyle`). Verification starts in the background at the first
 *    call, as the real service verifies asynchronously; it only waits for the in-order assembly
 *    (`upload-assembly.ts`), which has usually finished while the slices arrived.
 * 4. Then the assembled bytes' MD5 and size are compared with create's `etag`/`size`: mismatch →
 *    code 1 `文件上传失败` and the session is gone (a later call gets "unknown preuploadID");
 *    success → the node appears (duplicate rules applied now) → `{completed: true, fileID}`.
 */
import { ApiError, CODES } from '../core/errors';
import type { FakePanContext } from '../http/context';
import { fail, ok, type Reply } from '../http/envelope';
import type { Router } from '../http/router';
import type { UploadAssembler } from './upload-assembly';
import type { MergeResult } from './upload-merge';
import { parseDuplicate, placeFile } from './upload-placement';
import type { UploadSession, UploadSessions } from './upload-sessions';

export const UPLOAD_FAILED_MESSAGE = '文件上传失败';
export const VERIFYING_MESSAGE = '文件正在校验中,请间隔1秒后再试';

function notYet(ctx: FakePanContext): Reply {
  if (ctx.switches.completeNotYetStyle === '20103') return fail(CODES.verifying, VERIFYING_MESSAGE);
  return ok({ completed: false, fileID: 0 });
}

/** Outcome of one completion call: done with a file id, or "not yet". Failures throw ApiError. */
export type Completion = { completed: true; fileID: number } | { completed: false };

export interface Completer {
  /** One completion call for a session (steps 1-4 above), shared by the v2 and v1 routes. */
  run(session: UploadSession): Promise<Completion>;
}

export function createCompleter(
  ctx: FakePanContext,
  sessions: UploadSessions,
  assembler: UploadAssembler,
): Completer {
  /** Verification runs once per session; concurrent polls share it. In memory only. */
  const merges = new Map<string, Promise<MergeResult>>();

  function mergeOf(session: UploadSession): Promise<MergeResult> {
    if (session.merged) return Promise.resolve({ ok: true, blob: session.merged });
    let merge = merges.get(session.preuploadID);
    if (!merge) {
      merge = assembler.verify(session);
      merges.set(session.preuploadID, merge);
    }
    return merge;
  }

  async function run(session: UploadSession): Promise<Completion> {
    if (session.fileId !== undefined) return { completed: true, fileID: session.fileId };
    const missing = sessions.missingSlices(session);
    if (missing.length > 0)
      throw new ApiError(CODES.general, `分片不完整,缺少分片: ${missing.slice(0, 10).join(',')}`);
    const merge = mergeOf(session);
    if (session.notYetAnswers < ctx.faults.completePolls) {
      session.notYetAnswers++;
      sessions.changed();
      return { completed: false };
    }
    const result = await merge;
    merges.delete(session.preuploadID);
    if (session.fileId !== undefined) return { completed: true, fileID: session.fileId };
    if (!result.ok) {
      await sessions.release(session, true);
      throw new ApiError(CODES.general, UPLOAD_FAILED_MESSAGE);
    }
    session.merged = result.blob;
    sessions.changed();
    const { parentId, name, duplicate } = session;
    session.fileId = placeFile(ctx, parentId, name, result.blob, parseDuplicate(duplicate));
    await sessions.release(session, false);
    return { completed: true, fileID: session.fileId };
  }

  return { run };
}

export function registerCompleteRoute(
  api: Router,
  ctx: FakePanContext,
  completer: Completer,
  sessions: UploadSessions,
): void {
  api.post('/upload/v2/file/upload_complete', async (req) => {
    const preuploadID = (await req.body()).string('preuploadID');
    const done = await completer.run(sessions.require(preuploadID));
    return done.completed ? ok(done) : notYet(ctx);
  });
}

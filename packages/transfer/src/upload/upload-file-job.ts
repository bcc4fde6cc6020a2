/**
 * Upload of one local file: open it (regular files only, never blocking) → hash (cached by
 * path, size, mtime) → a small file goes up in one request (single-step); a larger one through
 * create (an instant hit ends here) → missing slices → completion polling. The session and
 * acknowledged slices are journaled, so a restart sends only what is missing while the session
 * lives; an expired session restarts from create. A crash between create/complete and the
 * journal is covered by `createAttempted` (before-create).
 */
import type { Job, JobContext, JobOutcome } from '../job-context';
import { FileChangedError } from '../job-context';
import { DriveError } from '../ports';
import { withRetry } from '../retry';
import type { Identity } from './before-create';
import { lookBeforeCreate } from './before-create';
import type { StoredSession } from './session';
import { duplicateMode, parseSession } from './session';
import { uploadSingleStep } from './single-step';
import { uploadMissingSlices } from './slices';
import type { SourceFile } from './source-file';
import { openSource } from './source-file';

const MAX_SESSION_RESTARTS = 3;

async function identify(
  ctx: JobContext,
  source: SourceFile,
  stored: StoredSession | null,
): Promise<Identity> {
  const path = ctx.item.localPath;
  const st = await source.stat();
  if (stored && stored.size === st.size && stored.mtimeMs === st.mtimeMs)
    return { size: st.size, mtimeMs: st.mtimeMs, md5: stored.md5 };
  const cached = ctx.journal.cachedHash(path, st.size, st.mtimeMs);
  if (cached) return { size: st.size, mtimeMs: st.mtimeMs, md5: cached };
  ctx.setPhase('hashing');
  const md5 = await ctx.hasher.md5(path, undefined, ctx.signal);
  const after = await source.stat();
  if (after.size !== st.size || after.mtimeMs !== st.mtimeMs) throw new FileChangedError();
  ctx.journal.cacheHash(path, st.size, st.mtimeMs, md5);
  return { size: st.size, mtimeMs: st.mtimeMs, md5 };
}

async function createSession(ctx: JobContext, id: Identity): Promise<StoredSession | JobOutcome> {
  ctx.setPhase('creating');
  const early = await lookBeforeCreate(ctx, id);
  if (early) return early;
  ctx.update({ createAttempted: true, sessionJson: null });
  ctx.journal.clearParts(ctx.item.id);
  ctx.restartProgress(0);
  const request = {
    parentId: ctx.item.remoteParentId ?? 0,
    name: ctx.item.name,
    md5: id.md5,
    size: id.size,
    duplicate: duplicateMode(ctx.item.conflict),
  };
  const created = await withRetry(ctx, 'creating', (onWait) =>
    ctx.backend.createUpload(request, ctx.signal, onWait),
  );
  if (created.kind === 'instant') return { state: 'completed', patch: { remoteFileId: created.fileId } };
  const session: StoredSession = {
    preuploadId: created.preuploadId,
    sliceSize: created.sliceSize,
    server: created.server,
    ...id,
  };
  ctx.update({ sessionJson: JSON.stringify(session) });
  return session;
}

async function pollComplete(ctx: JobContext, session: StoredSession): Promise<number> {
  ctx.setPhase('completing');
  for (let poll = 0; poll < ctx.tuning.completePollBudget; poll++) {
    const result = await withRetry(ctx, 'completing', (onWait) =>
      ctx.backend.completeUpload(session, ctx.signal, onWait),
    );
    if (result.completed && result.fileId > 0) return result.fileId;
    await ctx.clock.sleep(ctx.tuning.completePollMs, ctx.signal);
  }
  throw new DriveError('fatal', 'The service did not finish the upload in time.', {
    reason: 'upload_not_finished',
  });
}

function isSessionGone(error: unknown): boolean {
  return error instanceof DriveError && error.kind === 'session_expired';
}

async function uploadSliced(
  ctx: JobContext,
  id: Identity,
  source: SourceFile,
  journaled: StoredSession | null,
): Promise<JobOutcome> {
  let stored = journaled;
  for (let restart = 0; ; restart++) {
    const session = stored ?? (await createSession(ctx, id));
    if ('state' in session) return session;
    try {
      ctx.setPhase('uploading');
      await uploadMissingSlices(ctx, session, source);
      const fileId = await pollComplete(ctx, session);
      return { state: 'completed', patch: { remoteFileId: fileId, sessionJson: null } };
    } catch (error) {
      if (!isSessionGone(error) || restart >= MAX_SESSION_RESTARTS) throw error;
      stored = null;
    }
  }
}

export const uploadFileJob: Job = async (ctx) => {
  const source = await openSource(ctx);
  try {
    let stored = parseSession(ctx.item.sessionJson);
    const id = await identify(ctx, source, stored);
    if (stored && (stored.md5 !== id.md5 || stored.size !== id.size || stored.mtimeMs !== id.mtimeMs))
      stored = null;
    ctx.update({ size: id.size });
    if (stored === null && id.size > 0 && id.size <= ctx.tuning.singleUploadMaxBytes)
      return await uploadSingleStep(ctx, id, source);
    return await uploadSliced(ctx, id, source, stored);
  } finally {
    await source.close();
  }
};

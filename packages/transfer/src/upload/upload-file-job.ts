/**
 * Upload of one local file: hash (cached by path, size, mtime) → create (an instant hit ends
 * here) → missing slices → completion polling. The session and acknowledged slices are
 * journaled, so a restart sends only what is missing while the session lives; an expired
 * session restarts from create. A crash between create/complete and the journal is covered by
 * `createAttempted`: before creating again the listing is checked for the same name, size, MD5.
 */
import type { Job, JobContext, JobOutcome } from '../job-context';
import { FileChangedError } from '../job-context';
import type { DuplicateMode } from '../ports';
import { DriveError } from '../ports';
import { withRetry } from '../retry';
import type { StoredSession } from './session';
import { parseSession } from './session';
import { uploadMissingSlices } from './slices';

const MAX_SESSION_RESTARTS = 3;

interface Identity {
  size: number;
  mtimeMs: number;
  md5: string;
}

const DUPLICATE: Record<string, DuplicateMode> = {
  keep_both: 'keep_both',
  overwrite: 'overwrite',
  skip: 'error',
};

async function identify(ctx: JobContext, stored: StoredSession | null): Promise<Identity> {
  const path = ctx.item.localPath;
  const st = await ctx.fs.stat(path);
  if (stored && stored.size === st.size && stored.mtimeMs === st.mtimeMs)
    return { size: st.size, mtimeMs: st.mtimeMs, md5: stored.md5 };
  const cached = ctx.journal.cachedHash(path, st.size, st.mtimeMs);
  if (cached) return { size: st.size, mtimeMs: st.mtimeMs, md5: cached };
  ctx.setPhase('hashing');
  const md5 = await ctx.hasher.md5(path, undefined, ctx.signal);
  const after = await ctx.fs.stat(path);
  if (after.size !== st.size || after.mtimeMs !== st.mtimeMs) throw new FileChangedError();
  ctx.journal.cacheHash(path, st.size, st.mtimeMs, md5);
  return { size: st.size, mtimeMs: st.mtimeMs, md5 };
}

async function findExisting(
  ctx: JobContext,
): Promise<{ fileId: number; size: number; etag: string } | undefined> {
  const parentId = ctx.item.remoteParentId ?? 0;
  for await (const page of ctx.backend.listChildren(parentId, ctx.signal)) {
    const hit = page.find((e) => e.type === 'file' && e.name === ctx.item.name);
    if (hit) return hit;
  }
  return undefined;
}

/** Skip policy and crash recovery both need the listing before create. */
async function beforeCreate(ctx: JobContext, id: Identity): Promise<JobOutcome | null> {
  if (ctx.item.conflict !== 'skip' && !ctx.item.createAttempted) return null;
  const existing = await withRetry(ctx, 'creating', () => findExisting(ctx));
  if (!existing) return null;
  if (ctx.item.createAttempted && existing.size === id.size && existing.etag.toLowerCase() === id.md5) {
    return { state: 'completed', patch: { remoteFileId: existing.fileId } };
  }
  return ctx.item.conflict === 'skip' ? { state: 'skipped' } : null;
}

async function createSession(ctx: JobContext, id: Identity): Promise<StoredSession | JobOutcome> {
  ctx.setPhase('creating');
  const early = await beforeCreate(ctx, id);
  if (early) return early;
  ctx.update({ createAttempted: true, sessionJson: null });
  ctx.journal.clearParts(ctx.item.id);
  const request = {
    parentId: ctx.item.remoteParentId ?? 0,
    name: ctx.item.name,
    md5: id.md5,
    size: id.size,
    duplicate: DUPLICATE[ctx.item.conflict] ?? 'error',
  };
  const created = await withRetry(ctx, 'creating', () => ctx.backend.createUpload(request, ctx.signal));
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
    const result = await withRetry(ctx, 'completing', () => ctx.backend.completeUpload(session, ctx.signal));
    if (result.completed && result.fileId > 0) return result.fileId;
    await ctx.clock.sleep(ctx.tuning.completePollMs, ctx.signal);
  }
  throw new DriveError('fatal', 'The service did not finish the upload in time.');
}

function isSessionGone(error: unknown): boolean {
  return error instanceof DriveError && error.kind === 'session_expired';
}

export const uploadFileJob: Job = async (ctx) => {
  let stored = parseSession(ctx.item.sessionJson);
  const id = await identify(ctx, stored);
  if (stored && (stored.md5 !== id.md5 || stored.size !== id.size || stored.mtimeMs !== id.mtimeMs))
    stored = null;
  ctx.update({ size: id.size });
  for (let restart = 0; ; restart++) {
    const session = stored ?? (await createSession(ctx, id));
    if ('state' in session) return session;
    try {
      ctx.setPhase('uploading');
      await uploadMissingSlices(ctx, session);
      const fileId = await pollComplete(ctx, session);
      return { state: 'completed', patch: { remoteFileId: fileId, sessionJson: null } };
    } catch (error) {
      if (!isSessionGone(error) || restart >= MAX_SESSION_RESTARTS) throw error;
      stored = null;
    }
  }
};

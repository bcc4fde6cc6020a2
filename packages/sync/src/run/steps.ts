/**
 * One step of a run that is not a transfer: records, moves and renames, conflict copies, the
 * trash, folders. Each looks at the sides first, so repeating it after a crash (the effect
 * done, its record not yet) finds its own result and only records it. The step's state and
 * its base rows change in one fsync'd transaction.
 */
import { mkdir } from 'node:fs/promises';
import type { SyncActionState, SyncProblem, SyncReason } from '@pandesk/contract';
import type { PlanAction } from '../plan/actions';
import { matches, moveLocal, statOrNull } from '../local/local-ops';
import { nameOf, parentOf, toLocal } from '../paths';
import { SyncRemoteError } from '../ports';
import { syncProblem } from './problem';
import type { RunContext } from './run-context';

export interface StepResult {
  readonly state: SyncActionState;
  readonly error?: SyncProblem;
}

/** A step not done, and why. */
const notDone = (state: 'failed' | 'skipped', reason: SyncReason, path: string): StepResult => ({
  state,
  error: syncProblem({ kind: 'state', reason }, path),
});

const DONE: StepResult = { state: 'done' };

/** The cloud id of the folder at `path` (after the moves done so far): base rows, else made. */
export async function remoteFolderId(ctx: RunContext, path: string): Promise<number> {
  if (path === '') return ctx.pair.config.remoteFolderId;
  const known = ctx.store.base.get(ctx.pair.id, path);
  if (known?.kind === 'folder') return known.remoteId;
  const parent = await remoteFolderId(ctx, parentOf(path));
  return ctx.remote.ensureFolder(parent, nameOf(path), ctx.signal);
}

type Step<K extends PlanAction['kind']> = (
  ctx: RunContext,
  action: Extract<PlanAction, { kind: K }>,
  finish: (write: () => void) => void,
) => Promise<StepResult>;

/** The base write of a step that changes nothing but the base (a record or a forget). */
export function writeBase(ctx: RunContext, a: Extract<PlanAction, { kind: 'record' | 'forget' }>): void {
  if (a.kind === 'forget') return ctx.store.base.forget(ctx.pair.id, a.path);
  if (a.rekeyFrom !== undefined) ctx.store.base.rekey(ctx.pair.id, a.rekeyFrom, a.path);
  if (a.entry !== null) ctx.store.base.set(ctx.pair.id, a.entry);
}

const record: Step<'record'> = async (ctx, a, finish) => {
  finish(() => writeBase(ctx, a));
  return DONE;
};

const forget: Step<'forget'> = async (ctx, a, finish) => {
  finish(() => writeBase(ctx, a));
  return DONE;
};

const moveLocalStep: Step<'move_local'> = async (ctx, a, finish) => {
  const outcome = await moveLocal(toLocal(ctx.root, a.path), toLocal(ctx.root, a.to));
  if (outcome === 'target_taken') return notDone('failed', 'sync_target_taken', a.to);
  if (outcome === 'source_gone') return notDone('skipped', 'sync_gone_locally', a.path);
  finish(() => ctx.store.base.rekey(ctx.pair.id, a.baseFrom, a.to));
  return DONE;
};

const moveRemoteStep: Step<'move_remote'> = async (ctx, a, finish) => {
  const parentId = await remoteFolderId(ctx, parentOf(a.to));
  const [now] = await ctx.remote.info([a.fileId], ctx.signal);
  if (now === undefined || now.trashed) return notDone('skipped', 'sync_gone_in_cloud', a.path);
  if (now.parentId !== parentId) await ctx.remote.move([a.fileId], parentId, ctx.signal);
  if (now.name !== nameOf(a.to)) await ctx.remote.rename(a.fileId, nameOf(a.to), ctx.signal);
  finish(() => ctx.store.base.rekey(ctx.pair.id, a.baseFrom, a.to));
  return DONE;
};

const conflictStep: Step<'conflict'> = async (ctx, a, finish) => {
  const outcome = await moveLocal(toLocal(ctx.root, a.path), toLocal(ctx.root, a.to));
  if (outcome === 'target_taken') return notDone('failed', 'sync_target_taken', a.to);
  if (outcome === 'source_gone') return notDone('skipped', 'sync_gone_locally', a.path);
  finish(() =>
    ctx.store.runs.addConflict({
      id: `${ctx.runId}:${a.path}`,
      pairId: ctx.pair.id,
      path: a.path,
      copyPath: a.to,
      detectedAt: ctx.now(),
    }),
  );
  return DONE;
};

const trashRemote: Step<'trash_remote'> = async (ctx, a, finish) => {
  const [now] = await ctx.remote.info([a.fileId], ctx.signal);
  if (now !== undefined && !now.trashed) await ctx.remote.trash([a.fileId], ctx.signal);
  if (a.basePath !== null) {
    const basePath = a.basePath;
    finish(() => ctx.store.base.forget(ctx.pair.id, basePath));
  } else finish(() => undefined);
  return DONE;
};

const trashLocal: Step<'trash_local'> = async (ctx, a, finish) => {
  const path = toLocal(ctx.root, a.path);
  const st = await statOrNull(path);
  if (st !== null) {
    if (a.expect !== null && !matches(st, a.expect))
      return notDone('skipped', 'sync_changed_since_plan', a.path);
    await ctx.trash.trash(path, ctx.root);
  }
  if (a.basePath !== null) {
    const basePath = a.basePath;
    finish(() => ctx.store.base.forget(ctx.pair.id, basePath));
  } else finish(() => undefined);
  return DONE;
};

const mkdirRemote: Step<'mkdir_remote'> = async (ctx, a, finish) => {
  const parent = await remoteFolderId(ctx, parentOf(a.path));
  const id = await ctx.remote.ensureFolder(parent, nameOf(a.path), ctx.signal);
  const st = await statOrNull(toLocal(ctx.root, a.path));
  finish(() =>
    ctx.store.base.set(ctx.pair.id, {
      path: a.path,
      kind: 'folder',
      size: 0,
      md5: null,
      mtimeMs: st?.mtimeMs ?? a.local.mtimeMs,
      ino: st?.ino ?? a.local.ino,
      remoteId: id,
    }),
  );
  return DONE;
};

const mkdirLocal: Step<'mkdir_local'> = async (ctx, a, finish) => {
  const path = toLocal(ctx.root, a.path);
  await mkdir(path, { recursive: true });
  const st = await statOrNull(path);
  if (st === null || !st.isDirectory()) return notDone('failed', 'sync_target_taken', a.path);
  finish(() =>
    ctx.store.base.set(ctx.pair.id, {
      path: a.path,
      kind: 'folder',
      size: 0,
      md5: null,
      mtimeMs: st.mtimeMs,
      ino: st.ino,
      remoteId: a.remoteId,
    }),
  );
  return DONE;
};

/** Runs one non-transfer step; the cloud answering "gone" is a skipped step, not a failure. */
export async function runStep(
  ctx: RunContext,
  action: PlanAction,
  finish: (write: () => void) => void,
): Promise<StepResult> {
  try {
    switch (action.kind) {
      case 'record':
        return await record(ctx, action, finish);
      case 'forget':
        return await forget(ctx, action, finish);
      case 'move_local':
        return await moveLocalStep(ctx, action, finish);
      case 'move_remote':
        return await moveRemoteStep(ctx, action, finish);
      case 'conflict':
        return await conflictStep(ctx, action, finish);
      case 'trash_remote':
        return await trashRemote(ctx, action, finish);
      case 'trash_local':
        return await trashLocal(ctx, action, finish);
      case 'mkdir_remote':
        return await mkdirRemote(ctx, action, finish);
      case 'mkdir_local':
        return await mkdirLocal(ctx, action, finish);
      default:
        throw new Error(`${action.kind} is a transfer`);
    }
  } catch (error) {
    if (error instanceof SyncRemoteError && error.kind === 'not_found')
      return { state: 'skipped', error: syncProblem({ kind: 'error', error }, action.path) };
    if (error instanceof SyncRemoteError && error.kind === 'name_conflict')
      return { state: 'failed', error: syncProblem({ kind: 'error', error }, action.path) };
    throw error;
  }
}

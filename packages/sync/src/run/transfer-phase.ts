/**
 * The transfer phase of a run: every upload and download goes through the transfer engine, so
 * it inherits the engine's journal, speed limits, concurrency, retries and pausing on lost
 * sign-in. Steps are grouped into engine batches (uploads per cloud folder, downloads into the
 * pair's staging folder); each batch id is derived from the run and written on its steps
 * before the batch is queued, so after a crash the same batch is queued again and the engine
 * adds only what it is missing (nothing is transferred twice). Each finished engine item
 * settles its step: the base row and the step's state in one transaction.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncProblem, TransferItem } from '@pandesk/contract';
import type { PlanAction } from '../plan/actions';
import { STAGING_DIR, nameOf, parentOf, toLocal } from '../paths';
import type { StoredAction } from '../store/run-store';
import { placeDownload } from './place-download';
import { syncProblem } from './problem';
import type { RunContext } from './run-context';
import { remoteFolderId } from './steps';

type Upload = Extract<PlanAction, { kind: 'upload' }>;
type Download = Extract<PlanAction, { kind: 'download' }>;

/** Items per engine batch. */
const BATCH = 1000;
/** How often the batches are looked at when no snapshot says anything changed, ms. */
const RECHECK_MS = 1000;

/** Service refusals that would repeat for the same file: remembered, not retried. */
const REFUSALS = new Set(['remote', 'unsafe_path', 'name_conflict']);

export function stagingDir(root: string, batchId: string): string {
  return join(root, STAGING_DIR, batchId.replace(/[^A-Za-z0-9_-]/g, '_'));
}

interface Pending {
  readonly stored: StoredAction;
  readonly batchId: string;
}

async function queueUploads(ctx: RunContext, uploads: StoredAction[], out: Pending[]): Promise<void> {
  const fresh = uploads.filter((s) => s.batchId === null);
  for (const s of uploads) if (s.batchId !== null) out.push({ stored: s, batchId: s.batchId });
  const byParent = new Map<number, StoredAction[]>();
  for (const s of fresh) {
    const parentId = await remoteFolderId(ctx, parentOf(s.action.path));
    const list = byParent.get(parentId);
    if (list) list.push(s);
    else byParent.set(parentId, [s]);
  }
  for (const group of byParent.values()) {
    for (let i = 0; i < group.length; i += BATCH) {
      const chunk = group.slice(i, i + BATCH);
      const batchId = `sync:${ctx.runId}:u${(chunk[0] as StoredAction).seq}`;
      const replaced = chunk
        .map((s) => (s.action as Upload).replaceId)
        .filter((id): id is number => id !== null);
      if (replaced.length > 0) {
        const live = (await ctx.remote.info(replaced, ctx.signal))
          .filter((w) => !w.trashed)
          .map((w) => w.fileId);
        if (live.length > 0) await ctx.remote.trash(live, ctx.signal);
      }
      ctx.store.runs.setBatch(
        ctx.runId,
        chunk.map((s) => s.seq),
        batchId,
      );
      for (const s of chunk) out.push({ stored: { ...s, batchId }, batchId });
    }
  }
  const batches = new Map<string, StoredAction[]>();
  for (const p of out) {
    if (p.stored.action.kind !== 'upload') continue;
    const list = batches.get(p.batchId);
    if (list) list.push(p.stored);
    else batches.set(p.batchId, [p.stored]);
  }
  for (const [batchId, chunk] of batches) {
    const first = chunk[0]?.action as Upload;
    const parentId = await remoteFolderId(ctx, parentOf(first.path));
    for (const s of chunk) {
      const a = s.action as Upload;
      if (a.md5 !== null)
        ctx.transfers.rememberHash(toLocal(ctx.root, a.path), a.local.size, a.local.mtimeMs, a.md5);
    }
    await ctx.transfers.upload({
      batchId,
      localPaths: chunk.map((s) => toLocal(ctx.root, s.action.path)),
      remoteParentId: parentId,
      conflict: 'keep_both',
    });
  }
}

async function queueDownloads(ctx: RunContext, downloads: StoredAction[], out: Pending[]): Promise<void> {
  const fresh = downloads.filter((s) => s.batchId === null);
  for (let i = 0; i < fresh.length; i += BATCH) {
    const chunk = fresh.slice(i, i + BATCH);
    const batchId = `sync:${ctx.runId}:d${(chunk[0] as StoredAction).seq}`;
    ctx.store.runs.setBatch(
      ctx.runId,
      chunk.map((s) => s.seq),
      batchId,
    );
    for (const s of chunk) out.push({ stored: { ...s, batchId }, batchId });
  }
  for (const s of downloads) if (s.batchId !== null) out.push({ stored: s, batchId: s.batchId });
  const batches = new Map<string, StoredAction[]>();
  for (const p of out) {
    if (p.stored.action.kind !== 'download') continue;
    const list = batches.get(p.batchId);
    if (list) list.push(p.stored);
    else batches.set(p.batchId, [p.stored]);
  }
  for (const [batchId, chunk] of batches) {
    const localDir = stagingDir(ctx.root, batchId);
    await mkdir(localDir, { recursive: true });
    await ctx.transfers.download({
      batchId,
      localDir,
      conflict: 'keep_both',
      sources: chunk.map((s) => {
        const a = s.action as Download;
        return { fileId: a.fileId, name: nameOf(a.path), type: 'file', size: a.size, etag: a.etag };
      }),
    });
  }
}

function itemFor(
  items: readonly TransferItem[],
  ctx: RunContext,
  action: PlanAction,
): TransferItem | undefined {
  if (action.kind === 'upload') {
    const path = toLocal(ctx.root, action.path);
    return items.find((i) => i.localPath === path && i.kind === 'file');
  }
  if (action.kind === 'download')
    return items.find((i) => i.remoteFileId === action.fileId && i.kind === 'file');
  return undefined;
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'skipped']);

async function settle(ctx: RunContext, p: Pending, item: TransferItem): Promise<void> {
  const { stored } = p;
  const pairId = ctx.pair.id;
  const mark = (
    state: 'done' | 'failed' | 'skipped',
    error: SyncProblem | null,
    write: () => void = () => undefined,
  ) =>
    ctx.store.durably(() => {
      write();
      ctx.store.runs.markAction(ctx.runId, stored.seq, state, error);
    });
  const a = stored.action;
  if (item.state !== 'completed') {
    const problem =
      item.state === 'cancelled' || !item.error
        ? syncProblem({ kind: 'state', reason: 'sync_transfer_cancelled' }, a.path)
        : syncProblem({ kind: 'transfer', error: item.error }, a.path);
    mark('failed', problem, () => {
      if (a.kind === 'upload' && item.error && REFUSALS.has(item.error.code))
        ctx.store.base.refuse(pairId, a.path, a.local.size, a.local.mtimeMs, item.error.message);
    });
    return;
  }
  if (a.kind === 'upload') {
    const remoteId = item.remoteFileId;
    if (remoteId === null)
      return mark(
        'failed',
        syncProblem({ kind: 'error', error: new Error('The upload finished without a cloud file.') }, a.path),
      );
    mark('done', null, () =>
      ctx.store.base.set(pairId, {
        path: a.path,
        kind: 'file',
        size: a.size,
        md5: a.md5,
        mtimeMs: a.local.mtimeMs,
        ino: a.local.ino,
        remoteId,
      }),
    );
    return;
  }
  if (a.kind !== 'download') return;
  const placement = await placeDownload(ctx, a, item.localPath);
  if ('skipped' in placement) return mark('skipped', placement.skipped);
  const st = placement.placed;
  mark('done', null, () =>
    ctx.store.base.set(pairId, {
      path: a.path,
      kind: 'file',
      size: st.size,
      md5: a.etag,
      mtimeMs: st.mtimeMs,
      ino: st.ino,
      remoteId: a.fileId,
    }),
  );
}

/** Queues the run's pending transfers (again, after a crash) and settles each as it ends. */
export async function runTransfers(ctx: RunContext, pending: readonly StoredAction[]): Promise<void> {
  const queued: Pending[] = [];
  await queueUploads(
    ctx,
    pending.filter((s) => s.action.kind === 'upload'),
    queued,
  );
  await queueDownloads(
    ctx,
    pending.filter((s) => s.action.kind === 'download'),
    queued,
  );
  const open = new Map<string, Pending[]>();
  for (const p of queued) {
    const list = open.get(p.batchId);
    if (list) list.push(p);
    else open.set(p.batchId, [p]);
  }
  let wake: (() => void) | null = null;
  const off = ctx.transfers.onSnapshot((snapshot) => {
    if (snapshot.resync || snapshot.changed.some((i) => open.has(i.batchId))) wake?.();
  });
  const onAbort = (): void => wake?.();
  ctx.signal.addEventListener('abort', onAbort);
  try {
    while (open.size > 0) {
      ctx.signal.throwIfAborted();
      for (const [batchId, waiting] of [...open]) {
        const items = ctx.transfers.batchItems(batchId);
        const left: Pending[] = [];
        for (const p of waiting) {
          const item = itemFor(items, ctx, p.stored.action);
          if (item !== undefined && TERMINAL.has(item.state)) {
            await settle(ctx, p, item);
            ctx.onProgress();
          } else left.push(p);
        }
        if (left.length === 0) open.delete(batchId);
        else open.set(batchId, left);
      }
      if (open.size === 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RECHECK_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  } finally {
    off();
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Puts a downloaded file (verified by the engine, waiting in the pair's staging folder) at its
 * place. The local version it replaces goes to the trash first, and only while it still looks
 * as it did when planned; a file that changed or appeared meanwhile is left alone (the staged
 * copy is dropped: it is still in the cloud) and the next run sees both. After a crash between
 * the rename and its record, the file at the place is recognised by its MD5.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Stats } from 'node:fs';
import type { SyncProblem } from '@pandesk/contract';
import type { PlanAction } from '../plan/actions';
import { matches, statOrNull } from '../local/local-ops';
import { md5File } from '../scan/hash-file';
import { toLocal } from '../paths';
import type { RunContext } from './run-context';
import { syncProblem } from './problem';

type Download = Extract<PlanAction, { kind: 'download' }>;

export type Placement = { readonly placed: Stats } | { readonly skipped: SyncProblem };

export async function placeDownload(ctx: RunContext, action: Download, staged: string): Promise<Placement> {
  const target = toLocal(ctx.root, action.path);
  const stagedStat = await statOrNull(staged);
  const targetStat = await statOrNull(target);
  if (stagedStat === null) {
    // Placed before a crash, or never: the file at the place tells.
    if (targetStat?.isFile() && targetStat.size === action.size && (await md5File(target)) === action.etag)
      return { placed: targetStat };
    return { skipped: syncProblem({ kind: 'state', reason: 'sync_download_vanished' }, action.path) };
  }
  if (targetStat !== null) {
    const expected = action.replace;
    if (expected === null || !targetStat.isFile() || !matches(targetStat, expected)) {
      await rm(staged, { force: true });
      return { skipped: syncProblem({ kind: 'state', reason: 'sync_changed_since_plan' }, action.path) };
    }
    await ctx.trash.trash(target, ctx.root);
  }
  await mkdir(dirname(target), { recursive: true });
  await rename(staged, target);
  const placed = await statOrNull(target);
  if (placed === null)
    return { skipped: syncProblem({ kind: 'state', reason: 'sync_download_vanished' }, action.path) };
  return { placed };
}

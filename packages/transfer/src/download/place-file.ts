/**
 * Puts a verified part file in place under the item's conflict policy, never over another
 * item's file. Keep-both and skip place it with a hard link, which fails (EEXIST) instead of
 * replacing a name that exists, then drop the part's name; where the file system has no hard
 * links, the name is first claimed by creating it exclusively and the part renamed over that
 * claim. Overwrite renames over the target. Each chosen path is journaled durably before it is
 * used, so a crash in between is recognised on restart (`recoverPlaced`).
 *
 * After placing, the target must be the very file that was verified (same device and inode);
 * otherwise it is removed again and PlacedFileMismatch is thrown, to download once more.
 */
import { basename, dirname, join } from 'node:path';
import type { JobContext } from '../job-context';
import { exists } from '../local-fs';
import { fsErrorCode } from '../util/fs-errors';
import { numberedName } from '../util/safe-name';
import type { FileIdentity } from './part-file';
import { identityAt, sameFile } from './part-file';

/** Codes with which link(2) says "no hard links on this file system". */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** What was put in place was not the verified part (something replaced it meanwhile). */
export class PlacedFileMismatch extends Error {
  constructor() {
    super('the file put in place is not the one that was verified');
    this.name = 'PlacedFileMismatch';
  }
}

/** Places `part` at `candidate` without replacing anything; false when the name is taken. */
async function placeExclusively(ctx: JobContext, part: string, candidate: string): Promise<boolean> {
  try {
    await ctx.fs.link(part, candidate);
  } catch (error) {
    const code = fsErrorCode(error);
    if (code === 'EEXIST') return false;
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    try {
      await (await ctx.fs.open(candidate, 'wx')).close();
    } catch (claim) {
      if (fsErrorCode(claim) === 'EEXIST') return false;
      throw claim;
    }
    await ctx.fs.rename(part, candidate);
    return true;
  }
  await ctx.fs.unlink(part);
  return true;
}

async function placeAt(ctx: JobContext, part: string, candidate: string, replace: boolean): Promise<boolean> {
  ctx.update({ finalPath: candidate });
  if (!replace) return placeExclusively(ctx, part, candidate);
  await ctx.fs.rename(part, candidate);
  return true;
}

/**
 * Places the part; returns the final path, or null when the policy is skip and the name is
 * taken (the part is then deleted).
 */
export async function placeFile(
  ctx: JobContext,
  part: string,
  verified: FileIdentity,
): Promise<string | null> {
  const current = await identityAt(ctx, part);
  if (current === null || !sameFile(current, verified)) throw new PlacedFileMismatch();
  const target = ctx.item.localPath;
  const policy = ctx.item.conflict;
  let placed: string | null = null;
  for (let n = 0; placed === null; n++) {
    const candidate = n === 0 ? target : join(dirname(target), numberedName(basename(target), n));
    if (await placeAt(ctx, part, candidate, policy === 'overwrite')) placed = candidate;
    else if (policy === 'skip') {
      await ctx.fs.unlink(part).catch(() => undefined);
      return null;
    }
  }
  const landed = await identityAt(ctx, placed);
  if (landed === null || !sameFile(landed, verified)) {
    await ctx.fs.unlink(placed).catch(() => undefined);
    throw new PlacedFileMismatch();
  }
  return placed;
}

/**
 * After a crash while placing: true when the journaled final path already holds this item's
 * file (the part renamed away, or linked and its part name not yet removed).
 */
export async function recoverPlaced(ctx: JobContext, part: string): Promise<boolean> {
  const final = ctx.item.finalPath;
  if (!final) return false;
  const partId = await identityAt(ctx, part);
  if (partId === null) {
    try {
      return (await ctx.fs.stat(final)).size === ctx.item.size;
    } catch {
      return false;
    }
  }
  const finalId = await identityAt(ctx, final);
  if (finalId === null || !sameFile(partId, finalId)) return false;
  await ctx.fs.unlink(part);
  return true;
}

/** Skip policy before any byte is fetched: the target exists and no part of ours does. */
export async function skipBeforeStart(ctx: JobContext, part: string): Promise<boolean> {
  return (
    ctx.item.conflict === 'skip' &&
    !(await exists(ctx.fs, part)) &&
    (await exists(ctx.fs, ctx.item.localPath))
  );
}

/**
 * The folder is looked at before creating an upload when the skip policy needs to know whether
 * the name is taken, and after a create or single-step request whose outcome is unknown (a crash,
 * a lost answer): `createAttempted` is journaled durably before every such request, and a file
 * already in the folder with the same size and MD5, under our name or a keep-both variant of it
 * (`name(1).ext`, `name (1).ext`), is taken as ours instead of uploading a duplicate.
 */
import type { JobContext, JobOutcome } from '../job-context';
import type { RemoteEntry, WaitListener } from '../ports';
import { withRetry } from '../retry';

export interface Identity {
  size: number;
  mtimeMs: number;
  md5: string;
}

function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** `candidate` is `name` with a keep-both number: `a(2).txt` or `a (2).txt` for `a.txt`. */
export function isNumberedVariant(candidate: string, name: string): boolean {
  const [base, ext] = splitExt(name);
  const [cBase, cExt] = splitExt(candidate);
  return cExt === ext && cBase.startsWith(base) && /^ ?\(\d+\)$/.test(cBase.slice(base.length));
}

async function scanFolder(
  ctx: JobContext,
  id: Identity,
  onWait: WaitListener,
): Promise<{ sameName: RemoteEntry | undefined; landed: RemoteEntry | undefined }> {
  const name = ctx.item.name;
  let sameName: RemoteEntry | undefined;
  let landed: RemoteEntry | undefined;
  for await (const page of ctx.backend.listChildren(ctx.item.remoteParentId ?? 0, ctx.signal, onWait)) {
    for (const e of page) {
      if (e.type !== 'file') continue;
      if (e.name === name) sameName ??= e;
      const ours = e.name === name || isNumberedVariant(e.name, name);
      if (ours && e.size === id.size && e.etag.toLowerCase() === id.md5) landed ??= e;
    }
    if (ctx.item.createAttempted ? landed : sameName) break;
  }
  return { sameName, landed };
}

/** Ends the item early when the folder already settles it (skip policy, or our upload landed). */
export async function lookBeforeCreate(ctx: JobContext, id: Identity): Promise<JobOutcome | null> {
  if (ctx.item.conflict !== 'skip' && !ctx.item.createAttempted) return null;
  const { sameName, landed } = await withRetry(ctx, 'creating', (onWait) => scanFolder(ctx, id, onWait));
  if (ctx.item.createAttempted && landed)
    return { state: 'completed', patch: { remoteFileId: landed.fileId } };
  return ctx.item.conflict === 'skip' && sameName ? { state: 'skipped' } : null;
}

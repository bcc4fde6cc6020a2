/** Local file-system steps of a run: each can be repeated after a crash and sees its own result. */
import type { Stats } from 'node:fs';
import { lstat, mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Fingerprint } from '../plan/actions';

export async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch {
    return null;
  }
}

export function matches(st: Stats, expect: Fingerprint): boolean {
  return st.size === expect.size && st.mtimeMs === expect.mtimeMs && st.ino === expect.ino;
}

export type MoveOutcome = 'moved' | 'already' | 'target_taken' | 'source_gone';

/**
 * Renames `from` to `to` (creating `to`'s folder), never over another item. A rename that only
 * changes case on a case-folding file system (both names are the same item) goes through.
 */
export async function moveLocal(from: string, to: string): Promise<MoveOutcome> {
  const src = await statOrNull(from);
  const dst = await statOrNull(to);
  if (src === null) return dst === null ? 'source_gone' : 'already';
  if (dst !== null && !(dst.ino === src.ino && dst.dev === src.dev)) return 'target_taken';
  await mkdir(dirname(to), { recursive: true });
  await rename(from, to);
  return 'moved';
}

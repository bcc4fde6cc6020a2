import * as path from 'node:path';
import { MAX_DRAG_PATHS } from '@pandesk/contract';

/**
 * Decides which paths a native drag out of the window may carry: existing regular files
 * (no folders, devices or sockets), resolved through symlinks, lying inside one of the allowed
 * roots. The roots come from the main process only (Downloads and folders picked in native
 * dialogs, see drag-roots.ts), never from the renderer's settings or places. A compromised
 * renderer could otherwise hand any file on the disk to whatever app the user drops onto.
 */

/** The slice of `node:fs/promises` the guard uses. */
export interface DragFs {
  realpath(p: string): Promise<string>;
  stat(p: string): Promise<{ isFile(): boolean }>;
}

export type DragCheck =
  { readonly ok: true; readonly paths: readonly string[] } | { readonly ok: false; readonly reason: string };

/** True when `child` is `root` itself or lies below it (after both were resolved). */
export function isInside(root: string, child: string, pathApi: path.PlatformPath = path): boolean {
  const rel = pathApi.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !pathApi.isAbsolute(rel));
}

async function resolveRoots(roots: readonly string[], fs: DragFs): Promise<string[]> {
  const out: string[] = [];
  for (const root of roots) {
    if (!path.isAbsolute(root)) continue;
    try {
      out.push(await fs.realpath(root));
    } catch {
      // A root that does not exist (yet) holds no files to drag.
    }
  }
  return out;
}

/**
 * Checks every path; the drag happens only if all pass, so the user never drops a partial set.
 * Returns the resolved paths (what is handed to the OS).
 */
export async function checkDragPaths(
  paths: readonly string[],
  roots: readonly string[],
  fs: DragFs,
): Promise<DragCheck> {
  if (paths.length === 0) return { ok: false, reason: 'Nothing to drag.' };
  if (paths.length > MAX_DRAG_PATHS)
    return { ok: false, reason: `At most ${MAX_DRAG_PATHS} files can be dragged at once.` };
  const realRoots = await resolveRoots(roots, fs);
  const resolved: string[] = [];
  for (const p of paths) {
    if (!path.isAbsolute(p)) return { ok: false, reason: 'Only files on this computer can be dragged.' };
    let real: string;
    try {
      real = await fs.realpath(p);
      if (!(await fs.stat(real)).isFile()) return { ok: false, reason: `${path.basename(p)} is not a file.` };
    } catch {
      return { ok: false, reason: `${path.basename(p)} no longer exists.` };
    }
    if (!realRoots.some((root) => isInside(root, real))) {
      return { ok: false, reason: `${path.basename(p)} is outside PanDesk's folders.` };
    }
    resolved.push(real);
  }
  return { ok: true, paths: resolved };
}

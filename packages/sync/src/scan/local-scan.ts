/**
 * Walks a pair's local folder (or the insides of some of its folders): every regular file and folder with
 * size, modification time and inode, which is the quick check that spares unchanged files a
 * new hash. Symbolic links and special files are left out and reported; the sync's own
 * folders at the root are skipped. Nothing is opened here; hashing comes after planning asks.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, opendir } from 'node:fs/promises';
import type { LocalEntry, ScanProblem } from '../model';
import { isReserved, joinPath, toLocal } from '../paths';

export interface LocalScan {
  readonly tree: Map<string, LocalEntry>;
  readonly problems: ScanProblem[];
}

export interface LocalScanOptions {
  readonly root: string;
  /** Folders to walk (relative); default the whole pair. */
  readonly scope?: readonly string[];
  /** A known MD5 for this path and fingerprint (the hash cache), or undefined. */
  readonly knownHash: (path: string, size: number, mtimeMs: number, ino: number) => string | undefined;
  readonly signal?: AbortSignal;
}

function problemFor(path: string, dirent: Dirent): ScanProblem {
  return dirent.isSymbolicLink()
    ? { path, reason: 'sync_symlink_left_out', message: 'Left out: a symbolic link.' }
    : { path, reason: 'sync_special_left_out', message: 'Left out: not a regular file or folder.' };
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch {
    return null; // gone since it was listed: the next scan sees it as it is then
  }
}

export async function scanLocal(options: LocalScanOptions): Promise<LocalScan> {
  const tree = new Map<string, LocalEntry>();
  const problems: ScanProblem[] = [];
  // The scope folders themselves are not listed: only what is inside them.
  const queue = [...(options.scope ?? [''])];
  while (queue.length > 0) {
    options.signal?.throwIfAborted();
    const folder = queue.shift() as string;
    let dir;
    try {
      dir = await opendir(toLocal(options.root, folder));
    } catch (error) {
      if (folder === '') throw error; // the pair's folder itself: the run cannot go on
      problems.push({
        path: folder,
        reason: 'sync_folder_unreadable',
        message: 'This folder could not be read.',
      });
      continue;
    }
    for await (const dirent of dir) {
      const path = joinPath(folder, dirent.name);
      if (folder === '' && isReserved(path)) continue;
      if (!dirent.isFile() && !dirent.isDirectory()) {
        problems.push(problemFor(path, dirent));
        continue;
      }
      const st = await statOrNull(toLocal(options.root, path));
      if (st === null) continue;
      if (st.isDirectory()) {
        tree.set(path, folderEntry(path, st));
        queue.push(path);
      } else if (st.isFile()) {
        const known = options.knownHash(path, st.size, st.mtimeMs, st.ino);
        tree.set(path, {
          path,
          kind: 'file',
          size: st.size,
          mtimeMs: st.mtimeMs,
          ino: st.ino,
          md5: known ?? null,
        });
      }
    }
  }
  return { tree, problems };
}

function folderEntry(path: string, st: Stats): LocalEntry {
  return { path, kind: 'folder', size: 0, mtimeMs: st.mtimeMs, ino: st.ino, md5: null };
}

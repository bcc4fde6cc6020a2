/**
 * The local trash: the operating system's (the `trash` package: the Recycle Bin, the macOS
 * Trash, the freedesktop trash on Linux), or, where there is none, a `.pandesk-trash` folder
 * inside the pair, where items keep their relative path under a time-stamped folder.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import trash from 'trash';
import { LOCAL_TRASH_DIR } from '../paths';
import type { LocalTrash } from '../ports';

/**
 * Into `<pair>/.pandesk-trash/<time>-<random>/<relative path>`: a folder of its own per item,
 * because a rename would silently replace a file already there.
 */
export function createFolderTrash(now: () => number = Date.now): LocalTrash {
  return {
    async trash(absolutePath, pairRoot) {
      const rel = relative(pairRoot, absolutePath);
      if (rel === '' || rel.startsWith('..')) throw new Error('Only items inside the pair are trashed here.');
      const stamp = `${new Date(now()).toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
      const target = join(pairRoot, LOCAL_TRASH_DIR, stamp, ...rel.split(sep));
      await mkdir(dirname(target), { recursive: true });
      await rename(absolutePath, target);
    },
  };
}

/**
 * The OS trash, falling back to the folder trash where the OS trash refuses (the `trash`
 * package throws: a Linux without a writable trash folder for that disk, or a build that does
 * not carry the package's macOS / Windows helper programs).
 */
export function createSystemTrash(
  fallback: LocalTrash = createFolderTrash(),
  moveToTrash: (path: string) => Promise<void> = (path) => trash(path, { glob: false }),
): LocalTrash {
  return {
    async trash(absolutePath, pairRoot) {
      try {
        await moveToTrash(absolutePath);
      } catch {
        await fallback.trash(absolutePath, pairRoot);
      }
    },
  };
}

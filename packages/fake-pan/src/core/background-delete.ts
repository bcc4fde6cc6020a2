/**
 * Deletes folders without making anyone wait: the folder is renamed aside at once (so its path is
 * free and gone for every reader right away), then removed in the background. Deleting a
 * finished upload's slices (a GiB for a GiB upload) took ~0.1 s on `upload_complete`'s path.
 *
 * Invariant: the aside name starts with `.gone-` in the same parent folder; whoever owns that
 * folder deletes such leftovers at start (a crash may interrupt a background removal).
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const GONE_PREFIX = '.gone-';

export interface BackgroundDelete {
  /** Makes `path` disappear now and deletes its contents later; a missing path is fine. */
  remove(path: string): void;
  /** Resolves once every removal started so far has ended (for close). */
  settled(): Promise<void>;
}

export function createBackgroundDelete(): BackgroundDelete {
  const running = new Set<Promise<void>>();
  return {
    remove(path) {
      const aside = join(dirname(path), `${GONE_PREFIX}${basename(path)}-${randomBytes(4).toString('hex')}`);
      try {
        renameSync(path, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        rmSync(path, { recursive: true, force: true }); // cannot rename: delete in place
        return;
      }
      const removal = rm(aside, { recursive: true, force: true })
        .catch(() => undefined)
        .finally(() => running.delete(removal));
      running.add(removal);
    },
    async settled() {
      await Promise.all([...running]);
    },
  };
}

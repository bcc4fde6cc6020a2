/**
 * The local file-system calls the engine makes, as a port so tests can inject failures
 * (disk full, read-only destination) without touching a real disk's limits.
 */
import * as fsp from 'node:fs/promises';

export type LocalFs = Pick<
  typeof fsp,
  'open' | 'mkdir' | 'rename' | 'link' | 'stat' | 'unlink' | 'opendir' | 'access'
>;

export const nodeFs: LocalFs = fsp;

export async function exists(fs: LocalFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}

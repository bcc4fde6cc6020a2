/**
 * Checks for a new pair: the local folder exists and is a folder; it neither lies inside nor
 * holds another pair's folder, and no other pair uses the cloud folder (two pairs on one tree
 * would undo each other's work); and whether its file system folds case, probed with a file in
 * the pair's staging folder.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { AddSyncPairInput } from '@pandesk/contract';
import { STAGING_DIR } from '../paths';
import type { PairRecord } from '../store/pair-store';
import { SyncUserError } from './user-error';

function overlaps(a: string, b: string): boolean {
  const ab = relative(a, b);
  const ba = relative(b, a);
  return ab === '' || !ab.startsWith('..') || !ba.startsWith('..');
}

async function probeCase(root: string): Promise<boolean> {
  const dir = join(root, STAGING_DIR);
  const name = `case-probe-${randomUUID()}`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, name), '');
    try {
      await stat(join(dir, name.toUpperCase()));
      return true;
    } catch {
      return false;
    } finally {
      await rm(join(dir, name), { force: true });
    }
  } catch {
    return process.platform === 'darwin' || process.platform === 'win32';
  }
}

export async function checkNewPair(
  input: AddSyncPairInput,
  existing: readonly PairRecord[],
): Promise<{ caseInsensitive: boolean }> {
  if (!isAbsolute(input.localPath))
    throw new SyncUserError('sync_path_not_absolute', 'The local folder must be a full path.');
  let real: string;
  try {
    real = await realpath(input.localPath);
    if (!(await stat(real)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new SyncUserError(
      'sync_local_folder_missing',
      'The local folder does not exist or is not a folder.',
      {
        path: input.localPath,
      },
    );
  }
  for (const pair of existing) {
    const other = await realpath(pair.config.localPath).catch(() => pair.config.localPath);
    if (overlaps(real, other))
      throw new SyncUserError('sync_folders_overlap', 'The folder overlaps the folder of another pair.', {
        other: pair.config.localPath,
      });
    if (pair.config.remoteFolderId === input.remoteFolderId)
      throw new SyncUserError('sync_cloud_folder_taken', 'Another pair already syncs this cloud folder.', {
        other: pair.config.remotePath,
      });
  }
  return { caseInsensitive: await probeCase(real) };
}

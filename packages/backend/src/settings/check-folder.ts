import { constants } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ApiException } from '@pandesk/contract';
import type { LocalFs } from '../ports';

/**
 * Refuses a download folder that is not an absolute path (a relative one would be resolved
 * against the back end's working folder), does not exist, is a file, or cannot be written,
 * with the reason in plain words (the path is the user's own and not a secret).
 */
export async function checkWritableFolder(fs: Pick<LocalFs, 'stat' | 'access'>, path: string): Promise<void> {
  if (!isAbsolute(path))
    throw ApiException.because(
      'local_path_not_absolute',
      `The download folder "${path}" is not a full path. Choose the folder's full path, starting with / (or a drive letter such as C:\\ on Windows).`,
      { params: { path } },
    );
  let isDirectory: boolean;
  try {
    isDirectory = (await fs.stat(path)).isDirectory();
  } catch {
    throw ApiException.because('local_folder_missing', `The download folder "${path}" does not exist.`, {
      params: { path },
    });
  }
  if (!isDirectory)
    throw ApiException.because(
      'local_folder_missing',
      `The download folder "${path}" is a file, not a folder.`,
      {
        params: { path },
      },
    );
  try {
    await fs.access(path, constants.W_OK);
  } catch {
    throw ApiException.because(
      'local_folder_not_writable',
      `PanDesk cannot write into the download folder "${path}" (permission denied or read-only).`,
      { params: { path } },
    );
  }
}

import { isAbsolute, parse, resolve } from 'node:path';
import { ApiException } from '@pandesk/contract';
import type { LocalFs } from '../ports';

/**
 * What may become a local place: an absolute path (a relative one would be resolved against
 * the back end's working folder, which the user never sees) naming an existing folder that is
 * not the top of a drive (`/`, `C:\`): a place is a download target, and the whole drive is
 * never a sensible one. Answers the normalised path (`..` segments resolved); symbolic links
 * are followed only to check what the folder really is.
 */
export async function checkPlaceFolder(
  fs: Pick<LocalFs, 'stat' | 'realpath'>,
  path: string,
): Promise<string> {
  if (!isAbsolute(path))
    throw ApiException.because(
      'local_path_not_absolute',
      `"${path}" is not a full path. A place needs the folder's full path, starting with / (or a drive letter such as C:\\ on Windows).`,
      { params: { path } },
    );
  const absolute = resolve(path);
  let real: string;
  try {
    real = await fs.realpath(absolute);
    if (!(await fs.stat(real)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw ApiException.because('local_folder_missing', `"${absolute}" is not an existing folder.`, {
      params: { path: absolute },
    });
  }
  if (parse(real).root === real)
    throw ApiException.because(
      'local_drive_root',
      `"${absolute}" is the top of a drive, which cannot be a place. Choose a folder on it instead.`,
      { params: { path: absolute } },
    );
  return absolute;
}

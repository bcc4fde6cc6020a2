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
    throw new ApiException(
      'invalid_input',
      `"${path}" is not a full path. A place needs the folder's full path, starting with / (or a drive letter such as C:\\ on Windows).`,
    );
  const absolute = resolve(path);
  let real: string;
  try {
    real = await fs.realpath(absolute);
    if (!(await fs.stat(real)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new ApiException('not_found', `"${absolute}" is not an existing folder.`);
  }
  if (parse(real).root === real)
    throw new ApiException(
      'invalid_input',
      `"${absolute}" is the top of a drive, which cannot be a place. Choose a folder on it instead.`,
    );
  return absolute;
}

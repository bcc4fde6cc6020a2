/**
 * Which local paths a client of the back end may name in `transfers.upload` and
 * `transfers.download`. The paths come from the renderer (or a script in its page), so they
 * are data, not authority:
 * - always: absolute paths only (a relative one would resolve against the back end's working
 *   folder, which nobody chose);
 * - with `uploadRoots` (the browser host's staging folder): every upload path lies strictly
 *   inside a root after resolving symbolic links, and is not itself a link, so neither a path
 *   elsewhere nor a link planted in the staging folder reaches another file;
 * - with `downloadsIntoPlacesOnly` (the browser host): downloads go only into the download
 *   folder setting or a place, or a folder below one (compared after resolving links).
 * A refusal names the path and what is allowed; nothing is queued.
 */
import { isAbsolute, relative } from 'node:path';
import { ApiException } from '@pandesk/contract';
import type { ErrorReason } from '@pandesk/contract';
import { listPlaces } from '../places/places-api';
import type { BackendPorts, LocalFs } from '../ports';
import type { SettingsService } from '../settings/settings-service';

export interface LocalPathPolicy {
  /** Folders uploads must come from; omitted: any path the back end can read. */
  readonly uploadRoots?: readonly string[];
  /** Downloads only into the download folder and the places (and below them). */
  readonly downloadsIntoPlacesOnly?: boolean;
}

export interface LocalPathGuard {
  /** Throws an ApiException when any of the paths may not be uploaded. */
  checkUploads(paths: readonly string[]): Promise<void>;
  /** Throws an ApiException when downloads may not go into `dir`. */
  checkDownloadFolder(dir: string): Promise<void>;
}

export interface LocalPathGuardOptions {
  /** `localPaths` is the policy; `paths` give the built-in places. */
  readonly ports: Pick<BackendPorts, 'localPaths' | 'paths'>;
  readonly fs: Pick<LocalFs, 'lstat' | 'realpath'>;
  /** The download folder setting and the added places, read at each check. */
  readonly settings: SettingsService;
}

/** `child` is `root` or below it (both already resolved). */
function isWithin(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Refuses with the reason and the path it is about (the user's own path, not a secret). */
function refuse(reason: ErrorReason, path: string, message: string): never {
  throw ApiException.because(reason, message, { params: { path } });
}

export function createLocalPathGuard(options: LocalPathGuardOptions): LocalPathGuard {
  const { fs, settings } = options;
  const policy = options.ports.localPaths ?? {};
  const downloadTargets = (): string[] => [
    settings.settings().downloadFolder,
    ...listPlaces(options.ports.paths, settings).map((place) => place.path),
  ];

  /** The real paths of the given folders; ones that do not exist are left out. */
  async function realFolders(paths: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const path of paths) {
      if (!isAbsolute(path)) continue;
      const real = await fs.realpath(path).catch(() => undefined);
      if (real !== undefined) out.push(real);
    }
    return out;
  }

  async function checkStaged(path: string, roots: readonly string[]): Promise<void> {
    const outside = (): never =>
      refuse(
        'upload_not_staged',
        path,
        `Only files dropped into or picked in the PanDesk page can be uploaded; "${path}" is not one of them.`,
      );
    const info = await fs.lstat(path).catch(() => undefined);
    if (info === undefined) refuse('local_source_missing', path, `"${path}" no longer exists.`);
    if (info.isSymbolicLink())
      refuse(
        'upload_is_link',
        path,
        `"${path}" is a link to another file or folder; links are not uploaded.`,
      );
    const real = await fs.realpath(path).catch(outside);
    if (!roots.some((root) => real !== root && isWithin(root, real))) outside();
  }

  return {
    async checkUploads(paths) {
      const relativeOne = paths.find((p) => !isAbsolute(p));
      if (relativeOne !== undefined)
        refuse(
          'local_path_not_absolute',
          relativeOne,
          `"${relativeOne}" is not a full path; uploads need the full path of each file or folder.`,
        );
      if (policy.uploadRoots === undefined) return;
      const roots = await realFolders(policy.uploadRoots);
      for (const path of paths) await checkStaged(path, roots);
    },
    async checkDownloadFolder(dir) {
      if (!isAbsolute(dir))
        refuse(
          'local_path_not_absolute',
          dir,
          `"${dir}" is not a full path; downloads need a folder's full path.`,
        );
      if (policy.downloadsIntoPlacesOnly !== true) return;
      const targets = await realFolders(downloadTargets());
      const real = await fs
        .realpath(dir)
        .catch(() => refuse('local_folder_missing', dir, `"${dir}" is not an existing folder.`));
      if (!targets.some((target) => isWithin(target, real)))
        refuse(
          'download_folder_not_allowed',
          dir,
          `Downloads go only into the download folder or one of the places in the sidebar (or a folder inside them); "${dir}" is neither. Add it as a place first.`,
        );
    },
  };
}

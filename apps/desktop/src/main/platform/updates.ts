/**
 * Update checks for installed copies. electron-builder writes `app-update.yml` into the
 * package's resources only when the build named a feed (`PANDESK_UPDATE_URL` or
 * `PANDESK_UPDATE_GITHUB`, see scripts/builder-config.mjs); without it, or in development, the
 * app never checks. With it, electron-updater checks at start and twice a day, downloads in the
 * background and tells the user with a notification that the update installs on quit.
 */

export interface UpdaterLike {
  checkForUpdatesAndNotify(): Promise<unknown>;
}

export interface UpdateChecksDeps {
  readonly isPackaged: boolean;
  /** Path of `app-update.yml` in the package's resources. */
  readonly feedFile: string;
  readonly exists: (file: string) => boolean;
  /** Loaded only when a feed exists (electron-updater reads the package when created). */
  readonly updater: () => UpdaterLike;
  readonly log: (error: unknown, context: string) => void;
  readonly every: (ms: number, run: () => void) => { unref?: () => void };
}

export const CHECK_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** Starts the checks; answers whether they run (false: development build or no feed). */
export function startUpdateChecks(deps: UpdateChecksDeps): boolean {
  if (!deps.isPackaged || !deps.exists(deps.feedFile)) return false;
  const updater = deps.updater();
  const check = (): void => {
    updater.checkForUpdatesAndNotify().catch((error: unknown) => deps.log(error, 'update check'));
  };
  check();
  deps.every(CHECK_INTERVAL_MS, check).unref?.();
  return true;
}

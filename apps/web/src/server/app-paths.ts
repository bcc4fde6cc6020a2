import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Default folders of the web host. Its own app-data folder (not the desktop app's), so a
 * running desktop PanDesk and a web host never share one queue journal.
 */

const APP_FOLDER = 'PanDesk Web';

export function defaultUserDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform = process.platform,
): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

export interface WebHostPaths {
  readonly userData: string;
  readonly logs: string;
  readonly downloads: string;
  readonly desktop: string;
  readonly home: string;
  readonly staging: string;
  readonly settingsFile: string;
  readonly secretsFile: string;
}

export function webHostPaths(userData: string, downloadDir?: string): WebHostPaths {
  const home = homedir();
  return {
    userData,
    logs: join(userData, 'logs'),
    downloads: downloadDir ?? join(home, 'Downloads'),
    desktop: join(home, 'Desktop'),
    home,
    staging: join(userData, 'staging'),
    settingsFile: join(userData, 'settings.json'),
    secretsFile: join(userData, 'secrets.json'),
  };
}

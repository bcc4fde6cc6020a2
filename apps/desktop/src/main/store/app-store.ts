import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import * as path from 'node:path';
import { writeFileDurablySync } from '@pandesk/durable-file';
import { ipcMain } from 'electron';
import Store from 'electron-store';
import { migrateStore } from './migrations';
import { STORE_JSON_SCHEMA, STORE_VERSION } from './store-schema';
import type { StoreData } from './store-schema';
import type { WindowState } from '../window/window-state';

/**
 * Opens the app's electron-store file: reads the raw JSON first and runs the migrations
 * (electron-store validates against the schema on open, before any migration of its own
 * could run), writes the upgraded document back, then opens the store with the schema so
 * every later write is checked. A file that cannot be parsed is kept aside, never deleted.
 */

export const STORE_NAME = 'pandesk-store';

export interface AppStore {
  readSettings(): unknown;
  writeSettings(doc: Readonly<Record<string, unknown>>): void;
  readSecrets(): Readonly<Record<string, string>>;
  writeSecrets(next: Readonly<Record<string, string>>): void;
  readWindowState(): WindowState | undefined;
  writeWindowState(state: WindowState): void;
  readDialogFolders(): Readonly<Record<string, string>>;
  writeDialogFolders(next: Readonly<Record<string, string>>): void;
  readNoticesShown(): readonly string[];
  writeNoticesShown(next: readonly string[]): void;
}

function readRaw(file: string, onProblem: (message: string) => void): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    onProblem(`The settings file could not be read; it was kept as ${path.basename(aside)}.`);
    return undefined;
  }
}

function migrateFile(file: string, onProblem: (message: string) => void): void {
  const outcome = migrateStore(readRaw(file, onProblem));
  if (outcome.fromNewer)
    onProblem(`The settings file comes from a newer PanDesk (layout ${outcome.fromVersion}).`);
  if (outcome.changed) writeFileDurablySync(file, JSON.stringify(outcome.data, null, '\t'), { mode: 0o600 });
}

export function openAppStore(directory: string, onProblem: (message: string) => void): AppStore {
  const file = path.join(directory, `${STORE_NAME}.json`);
  // A first start with a custom profile folder (PANDESK_USER_DATA) finds no folder yet.
  mkdirSync(directory, { recursive: true });
  migrateFile(file, onProblem);
  const store = new Store<StoreData>({
    cwd: directory,
    name: STORE_NAME,
    schema: STORE_JSON_SCHEMA as never,
    defaults: { schemaVersion: STORE_VERSION, secrets: {} },
    clearInvalidConfig: false,
  });
  // electron-store answers any renderer's `sendSync('electron-store-get-data')` with the
  // userData path; PanDesk's renderer never uses electron-store, so nobody may ask.
  ipcMain.removeAllListeners('electron-store-get-data');
  return {
    readSettings: () => store.get('settings'),
    writeSettings: (doc) => store.set('settings', doc),
    readSecrets: () => store.get('secrets') ?? {},
    writeSecrets: (next) => store.set('secrets', next),
    readWindowState: () => store.get('windowState'),
    writeWindowState: (state) => store.set('windowState', state),
    readDialogFolders: () => store.get('dialogFolders') ?? {},
    writeDialogFolders: (next) => store.set('dialogFolders', next),
    readNoticesShown: () => store.get('noticesShown') ?? [],
    writeNoticesShown: (next) => store.set('noticesShown', next),
  };
}

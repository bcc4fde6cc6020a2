import { rename } from 'node:fs/promises';
import type { SettingsDocument, SettingsStore } from '@pandesk/backend';
import { createSerialQueue, readJsonFile, writeJsonFile } from './atomic-json';

/**
 * The web host's settings: one JSON file in the user-data folder. A corrupt file is moved
 * aside (kept for inspection) and the back end starts from defaults.
 */
export function createJsonSettingsStore(file: string): SettingsStore {
  const serial = createSerialQueue();
  return {
    load: () =>
      serial(async () => {
        const value = await readJsonFile(file);
        if (value !== 'corrupt') return value;
        await rename(file, `${file}.corrupt-${Date.now()}`);
        return undefined;
      }),
    save: (settings: SettingsDocument) => serial(() => writeJsonFile(file, settings, 0o600)),
  };
}

import type { SecretVault } from '@pandesk/backend';
import { createSerialQueue, readJsonFile, writeJsonFile } from './atomic-json';

/**
 * Secrets of the browser host. There is no OS keychain to encrypt with here, so the values sit
 * in a JSON file readable only by the current user (mode 0600, folder 0700), and
 * `isEncryptionAvailable()` answers false so the back end can tell the user they are not
 * encrypted. Never logs a value.
 */
export function createFileSecretVault(file: string): SecretVault {
  const serial = createSerialQueue();
  let cache: Map<string, string> | undefined;

  async function load(): Promise<Map<string, string>> {
    if (cache !== undefined) return cache;
    const value = await readJsonFile(file);
    const entries =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')
        : [];
    cache = new Map(entries);
    return cache;
  }

  async function persist(values: Map<string, string>): Promise<void> {
    await writeJsonFile(file, Object.fromEntries(values), 0o600);
  }

  return {
    get: (key) => serial(async () => (await load()).get(key)),
    set: (key, value) =>
      serial(async () => {
        const values = new Map(await load());
        values.set(key, value);
        await persist(values);
        cache = values;
      }),
    delete: (key) =>
      serial(async () => {
        const values = new Map(await load());
        if (!values.delete(key)) return;
        await persist(values);
        cache = values;
      }),
    isEncryptionAvailable: () => false,
  };
}

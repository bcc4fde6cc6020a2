import type { SecretVault } from '@pandesk/backend';
import { createSerialQueue, readJsonFile, writeJsonFile } from './atomic-json';

/**
 * Secrets of the browser host. There is no OS keychain to encrypt with here. By default the
 * vault says so (`isEncryptionAvailable() === false`): the back end then refuses to keep
 * secrets and tells the user, and `set` refuses too. Only when the user starts the host with
 * `--store-secrets-in-file` (`allowFileStorage`) does it keep them, in a JSON file readable
 * only by the current user (mode 0600, folder 0700), NOT encrypted; the host prints that at
 * start. Never logs a value.
 */
export interface FileSecretVaultOptions {
  /** The user accepted an unencrypted 0600 file in place of an OS keychain. */
  readonly allowFileStorage: boolean;
}

export function createFileSecretVault(file: string, options: FileSecretVaultOptions): SecretVault {
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
        if (!options.allowFileStorage)
          throw new Error('Secret storage is off in the web host (start it with --store-secrets-in-file).');
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
    isEncryptionAvailable: () => options.allowFileStorage,
  };
}

import type { SecretServiceStore } from './secret-service';

/**
 * The back end's SecretVault port on the operating system's keychain:
 *
 * - Electron's asynchronous `safeStorage` (DPAPI on Windows, the Keychain on macOS,
 *   libsecret/kwallet on Linux): only its ciphertext reaches the store file;
 * - on Linux, where safeStorage did not recognise the desktop and picked `basic_text` (a
 *   hard-coded key), the Secret Service when one answers on the session bus;
 * - otherwise nothing: `isEncryptionAvailable()` is false, `set` refuses, and the back end can
 *   choose what to do (tell the user, or keep credentials for the session only).
 *
 * Which one is decided once, when the vault is opened (after the app is ready).
 *
 * A stored value that cannot be read (the user pressed "Deny" in the Keychain, the keyring is
 * locked, the OS key changed) is never deleted: `onUnreadable` is asked whether to try again,
 * and when it says no the value stays stored, so the next start can read it, and entering the
 * credentials again replaces it.
 */

/** The slice of Electron's `safeStorage` the vault uses (the asynchronous API of Electron 45). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?(): string;
}

/** Where the ciphertexts live (a key of the electron-store file). */
export interface CiphertextStore {
  read(): Readonly<Record<string, string>>;
  write(next: Readonly<Record<string, string>>): void;
}

/** Same shape as `@pandesk/backend`'s `SecretVault` port. */
export interface SecretVaultPort {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  isEncryptionAvailable(): boolean;
}

export type VaultBackend = 'safe-storage' | 'secret-service' | 'none';

export interface DesktopVault extends SecretVaultPort {
  /** Which keychain holds the secrets. */
  readonly backend: VaultBackend;
}

/** What the user chose after a stored secret could not be read. */
export type UnreadableChoice = 'retry' | 'keep';

export interface DesktopVaultOptions {
  readonly safeStorage: SafeStorageLike;
  readonly store: CiphertextStore;
  /** `process.platform` of the host. */
  readonly platform: string;
  /** Opens the Secret Service (Linux); absent or undefined where there is none. */
  readonly secretService?: () => SecretServiceStore | undefined;
  /**
   * Told when a stored value cannot be read (key name and a reason without the value); answers
   * whether to try again. Defaults to keeping the value without asking.
   */
  readonly onUnreadable?: (key: string, reason: string) => Promise<UnreadableChoice>;
  /** Told why a keychain was passed over (for the log). */
  readonly onNote?: (note: string) => void;
}

/** Thrown by `set` when no OS encryption exists; the message carries no secret. */
export class EncryptionUnavailableError extends Error {
  constructor() {
    super('The operating system offers no secure storage here, so PanDesk did not save the secret.');
    this.name = 'EncryptionUnavailableError';
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function safeStorageUsable(options: DesktopVaultOptions): Promise<boolean> {
  const { safeStorage, platform, onNote } = options;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    onNote?.('safeStorage has no keyring for this desktop (basic_text)');
    return false;
  }
  try {
    return await safeStorage.isAsyncEncryptionAvailable();
  } catch (error) {
    onNote?.(`safeStorage is unavailable: ${reasonOf(error)}`);
    return false;
  }
}

async function reachableSecretService(options: DesktopVaultOptions): Promise<SecretServiceStore | undefined> {
  if (options.platform !== 'linux') return undefined;
  const service = options.secretService?.();
  if (service === undefined) return undefined;
  try {
    await service.probe();
    return service;
  } catch (error) {
    options.onNote?.(`no Secret Service answers: ${reasonOf(error)}`);
    return undefined;
  }
}

/** Picks the keychain (see the module comment) and opens the vault on it. */
export async function openDesktopVault(options: DesktopVaultOptions): Promise<DesktopVault> {
  if (await safeStorageUsable(options)) return vaultOn('safe-storage', options, undefined);
  const service = await reachableSecretService(options);
  return vaultOn(service === undefined ? 'none' : 'secret-service', options, service);
}

function vaultOn(
  backend: VaultBackend,
  options: DesktopVaultOptions,
  service: SecretServiceStore | undefined,
): DesktopVault {
  const { safeStorage, store } = options;
  const ask = options.onUnreadable ?? (async () => 'keep' as const);

  const stored = (key: string): string | undefined => {
    const all = store.read();
    return Object.hasOwn(all, key) ? all[key] : undefined;
  };
  const writeCipher = async (key: string, value: string): Promise<void> => {
    const cipher = (await safeStorage.encryptStringAsync(value)).toString('base64');
    store.write({ ...store.read(), [key]: cipher });
  };
  const dropCipher = (key: string): void => {
    const current = store.read();
    if (!Object.hasOwn(current, key)) return;
    const { [key]: _dropped, ...rest } = current;
    store.write(rest);
  };

  /** Reads one value, asking the user after each failure whether to try again. */
  async function readWithRetry(
    key: string,
    read: () => Promise<string | undefined>,
  ): Promise<string | undefined> {
    for (;;) {
      try {
        return await read();
      } catch (error) {
        if ((await ask(key, reasonOf(error))) === 'keep') return undefined;
      }
    }
  }

  const decrypt = async (key: string, cipher: string): Promise<string> => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipher, 'base64'));
    // The OS key was rotated or a stronger one became available: store it under the new key.
    if (shouldReEncrypt) await writeCipher(key, result).catch(() => undefined);
    return result;
  };

  return {
    backend,
    isEncryptionAvailable: () => backend !== 'none',
    async get(key) {
      const cipher = stored(key);
      if (backend === 'safe-storage') {
        return cipher === undefined ? undefined : readWithRetry(key, () => decrypt(key, cipher));
      }
      if (backend === 'secret-service' && service !== undefined) {
        const value = await readWithRetry(key, () => service.get(key));
        if (value !== undefined || cipher === undefined) return value;
      }
      // A ciphertext of a keychain this session cannot use (e.g. written under GNOME, read under
      // Sway): reported, and kept for the session that can read it.
      if (cipher !== undefined) await ask(key, 'it was saved with a keychain that is not available now');
      return undefined;
    },
    async set(key, value) {
      if (backend === 'safe-storage') return writeCipher(key, value);
      if (backend === 'secret-service' && service !== undefined) {
        await service.set(key, value);
        dropCipher(key);
        return;
      }
      throw new EncryptionUnavailableError();
    },
    async delete(key) {
      dropCipher(key);
      if (service !== undefined) await service.delete(key);
    },
  };
}

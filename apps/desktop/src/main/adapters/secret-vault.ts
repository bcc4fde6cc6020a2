/**
 * The back end's SecretVault port on top of Electron's `safeStorage` (DPAPI on Windows, the
 * Keychain on macOS, libsecret/kwallet on Linux). Only ciphertext reaches the store file.
 * `safeStorage` and the store are injected, so the logic is tested with fakes.
 *
 * When the OS offers no real encryption the vault says so (`isEncryptionAvailable() === false`)
 * and refuses to store anything: the back end then tells the user, and nothing is written in
 * the clear. On Linux, Electron's `basic_text` backend (a hard-coded key, used when no
 * keyring is running) counts as unavailable for that reason.
 */

/** The slice of Electron's `safeStorage` the vault uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
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

export interface SafeStorageVaultOptions {
  readonly safeStorage: SafeStorageLike;
  readonly store: CiphertextStore;
  /** `process.platform` of the host. */
  readonly platform: string;
  /** Told when a stored value cannot be decrypted (key names only, never values). */
  readonly onUnreadable?: (key: string) => void;
}

/** Thrown by `set` when no OS encryption exists; the message carries no secret. */
export class EncryptionUnavailableError extends Error {
  constructor() {
    super('The operating system offers no secure storage here, so PanDesk did not save the secret.');
    this.name = 'EncryptionUnavailableError';
  }
}

export function createSafeStorageVault(options: SafeStorageVaultOptions): SecretVaultPort {
  const { safeStorage, store, platform, onUnreadable } = options;

  function available(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return true;
  }

  function remove(key: string): void {
    const current = store.read();
    if (!Object.hasOwn(current, key)) return;
    const { [key]: _dropped, ...rest } = current;
    store.write(rest);
  }

  return {
    isEncryptionAvailable: available,
    async get(key) {
      const stored = store.read();
      const cipher = Object.hasOwn(stored, key) ? stored[key] : undefined;
      if (cipher === undefined || !available()) return undefined;
      try {
        return safeStorage.decryptString(Buffer.from(cipher, 'base64'));
      } catch {
        // The OS key changed (new user profile, restored backup): the value is lost for good.
        onUnreadable?.(key);
        remove(key);
        return undefined;
      }
    },
    async set(key, value) {
      if (!available()) throw new EncryptionUnavailableError();
      const cipher = safeStorage.encryptString(value).toString('base64');
      store.write({ ...store.read(), [key]: cipher });
    },
    async delete(key) {
      remove(key);
    },
  };
}

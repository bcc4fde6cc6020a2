/**
 * In-memory {@link SettingsStore} and {@link SecretVault}, for tests and for the web host
 * (which keeps nothing on disk between launches unless it brings its own store).
 */
import type { SecretVault, SettingsDocument, SettingsStore } from '../ports';

export interface MemorySettingsStore extends SettingsStore {
  /** The last saved document (a deep copy), for assertions. */
  current(): SettingsDocument | undefined;
}

/** Copies through JSON, as a real store would, so callers cannot share objects with it. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function createMemorySettingsStore(initial?: SettingsDocument): MemorySettingsStore {
  let saved: SettingsDocument | undefined = initial === undefined ? undefined : copy(initial);
  return {
    load: async () => (saved === undefined ? undefined : copy(saved)),
    save: async (settings) => {
      saved = copy(settings);
    },
    current: () => (saved === undefined ? undefined : copy(saved)),
  };
}

export interface MemorySecretVaultOptions {
  /** Simulates an OS without encryption (default true: encryption available). */
  encryptionAvailable?: boolean;
  initial?: Readonly<Record<string, string>>;
}

export interface MemorySecretVault extends SecretVault {
  /** Every stored key and value, for assertions. */
  entries(): Record<string, string>;
  setEncryptionAvailable(available: boolean): void;
}

export function createMemorySecretVault(options: MemorySecretVaultOptions = {}): MemorySecretVault {
  const values = new Map<string, string>(Object.entries(options.initial ?? {}));
  let available = options.encryptionAvailable ?? true;
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      if (!available) throw new Error('Encryption is not available on this system.');
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
    isEncryptionAvailable: () => available,
    entries: () => Object.fromEntries(values),
    setEncryptionAvailable: (next) => {
      available = next;
    },
  };
}

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet 5.97+, KeePassXC...) through
 * `@napi-rs/keyring`, for Linux desktops where Electron's safeStorage does not recognise the
 * session (Sway, i3, Hyprland...) and falls back to `basic_text`, a hard-coded key. Each secret
 * is one keyring item (the keyring encrypts it; nothing reaches the store file).
 *
 * The binding is a Node-API library, so the prebuilt file of the npm package loads in Node and in
 * Electron alike. The build copies it to `dist/main/native`; it is loaded from there by path
 * (the main bundle has no node_modules). Entries are pinned to the Secret Service: the library
 * would otherwise fall back to the kernel keyring, which forgets everything at logout.
 */

/** What the vault needs from a keyring: asynchronous, never blocking the main process. */
export interface SecretServiceStore {
  /** Resolves when the service answers on the session bus; rejects (with the reason) otherwise. */
  probe(): Promise<void>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The slice of the binding used: its async entry class and the store names. */
export interface KeyringBinding {
  AsyncEntry: new (service: string, username: string, options?: EntryOptions | null) => AsyncEntry;
}

/** The library file name of the binding for a platform, or undefined where none is shipped. */
export function bindingFileName(platform: string, arch: string): string | undefined {
  if (platform !== 'linux') return undefined;
  if (arch === 'x64') return 'keyring.linux-x64-gnu.node';
  if (arch === 'arm64') return 'keyring.linux-arm64-gnu.node';
  return undefined;
}

/**
 * Loads the binding from `nativeDir`; undefined when there is none for this platform or it does
 * not load (e.g. a musl system), with the reason passed to `onProblem`.
 */
export function loadKeyringBinding(
  nativeDir: string,
  platform: string,
  arch: string,
  onProblem: (reason: string) => void,
): KeyringBinding | undefined {
  const file = bindingFileName(platform, arch);
  if (file === undefined) return undefined;
  try {
    return createRequire(path.join(nativeDir, 'loader.cjs'))(path.join(nativeDir, file)) as KeyringBinding;
  } catch (error) {
    onProblem(
      `the Secret Service library did not load: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/**
 * The keyring items of one PanDesk profile: the service name carries a digest of the profile
 * folder, so two profiles (or test runs) never read each other's secrets.
 */
export function serviceName(profileDir: string): string {
  const digest = createHash('sha256').update(profileDir).digest('hex').slice(0, 12);
  return `PanDesk ${digest}`;
}

const PROBE_KEY = 'pandesk.probe';

export function createSecretServiceStore(binding: KeyringBinding, profileDir: string): SecretServiceStore {
  const service = serviceName(profileDir);
  const entry = (key: string): AsyncEntry =>
    new binding.AsyncEntry(service, key, { linux: { store: 'secret-service' } });
  return {
    async probe() {
      // Reading an item that does not exist answers null when the service is reachable.
      await entry(PROBE_KEY).getPassword();
    },
    async get(key) {
      return (await entry(key).getPassword()) ?? undefined;
    },
    async set(key, value) {
      await entry(key).setPassword(value);
    },
    async delete(key) {
      await entry(key).deletePassword();
    },
  };
}

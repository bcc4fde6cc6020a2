import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

/**
 * The OS-facing services of the fake `electron` module (see fake-electron.ts), each refusing
 * what the real one refuses: safeStorage with every Linux backend, key changes and refused
 * decryptions; notifications that keep their listeners only while referenced by the app;
 * native images that are empty where the real ones are; sessions whose `fetch` refuses the
 * headers Chromium's network stack refuses.
 */

/** Thrown where Electron throws because the app is not ready yet. */
export class NotReadyError extends Error {}

export interface Readiness {
  isReady(): boolean;
}

export function requireReady(ready: Readiness, what: string): void {
  if (!ready.isReady()) throw new NotReadyError(`${what} cannot be used before the app is ready`);
}

export type LinuxBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet5' | 'kwallet6';

export interface SafeStorageOptions {
  readonly platform?: string;
  readonly backend?: LinuxBackend;
  /** False: no OS encryption at all (e.g. Windows before ready, a locked Keychain). */
  readonly available?: boolean;
  /** Changes the key, so ciphertexts of another key fail to decrypt (a new OS profile). */
  readonly key?: number;
  /** Decryption is refused (the user pressed "Deny" in the Keychain) this many times. */
  readonly refuseDecrypt?: number;
  /** Every decryption answers `shouldReEncrypt` (the OS key was rotated). */
  readonly rotated?: boolean;
}

const MAGIC = Buffer.from('v11');

export function createFakeSafeStorage(ready: Readiness, options: SafeStorageOptions = {}) {
  const platform = options.platform ?? 'linux';
  const key = options.key ?? 0x3c;
  let refusals = options.refuseDecrypt ?? 0;
  const xor = (buf: Buffer): Buffer => Buffer.from([...buf].map((b) => b ^ key));
  const available = (): boolean => ready.isReady() && options.available !== false;
  const encrypt = (text: string): Buffer => {
    if (!available())
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    return Buffer.concat([MAGIC, Buffer.from([key]), xor(Buffer.from(text, 'utf8'))]);
  };
  const decrypt = (buf: Buffer): string => {
    if (!available())
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
      );
    if (refusals > 0) {
      refusals -= 1;
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. User denied access.',
      );
    }
    if (!buf.subarray(0, 3).equals(MAGIC) || buf[3] !== key)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return xor(buf.subarray(4)).toString('utf8');
  };
  const self = {
    decryptCalls: 0,
    isEncryptionAvailable: available,
    encryptString: encrypt,
    decryptString: decrypt,
    isAsyncEncryptionAvailable: async () => available(),
    encryptStringAsync: async (text: string) => encrypt(text),
    decryptStringAsync: async (buf: Buffer) => {
      self.decryptCalls += 1;
      return { result: decrypt(buf), shouldReEncrypt: options.rotated === true };
    },
    setUsePlainTextEncryption: () => undefined,
  };
  if (platform === 'linux') {
    Object.assign(self, {
      getSelectedStorageBackend: () => (ready.isReady() ? (options.backend ?? 'gnome_libsecret') : 'unknown'),
    });
  }
  return self;
}

export interface FakeImage {
  isEmpty(): boolean;
  /** Electron answers a new image of that size; the fake keeps the same one. */
  resize(size: { width: number; height: number }): FakeImage;
  readonly path?: string;
}

/** `nativeImage.createFromPath` answers an empty image for a file it cannot read, like Electron. */
export const fakeNativeImage = {
  createEmpty: (): FakeImage => ({ isEmpty: () => true, resize: () => fakeNativeImage.createEmpty() }),
  createFromPath: (file: string): FakeImage => {
    const image: FakeImage = { isEmpty: () => !existsSync(file), resize: () => image, path: file };
    return image;
  },
};

/** A tray icon as the app sets it up: its image, tooltip and menu (the template), for the test to click. */
export function createTrayClass(ready: Readiness, trays: EventEmitter[]) {
  return class Tray extends EventEmitter {
    tooltip = '';
    menu: unknown = null;
    destroyed = false;
    constructor(readonly image: FakeImage) {
      super();
      requireReady(ready, 'Tray');
      trays.push(this);
    }
    setToolTip(tooltip: string): void {
      this.tooltip = tooltip;
    }
    setContextMenu(menu: unknown): void {
      this.menu = menu;
    }
    destroy(): void {
      this.destroyed = true;
    }
  };
}

/** Notifications as the app sees them; `shown` lists every one shown, for the test to click. */
export function createNotificationClass(ready: Readiness, shown: EventEmitter[], supported: () => boolean) {
  return class Notification extends EventEmitter {
    static isSupported = (): boolean => supported();
    constructor(readonly options: { title: string; body: string }) {
      super();
      requireReady(ready, 'Notification');
    }
    show(): void {
      shown.push(this);
    }
    close(): void {
      this.emit('close');
    }
  };
}

/** Headers Chromium's network service refuses from a caller (net::ERR_INVALID_ARGUMENT). */
const CHROMIUM_REFUSED = new Set(['content-length', 'host', 'connection', 'transfer-encoding', 'keep-alive']);

export interface FakeSessionRequest {
  readonly url: string;
  readonly init: RequestInit;
}

/** A session whose `fetch` goes out through Node's fetch, after Chromium's checks. */
export function createFakeSession(ready: Readiness, requests: FakeSessionRequest[]) {
  return {
    fetch: async (url: string, init: RequestInit = {}): Promise<Response> => {
      requireReady(ready, 'session.fetch');
      for (const name of new Headers(init.headers).keys())
        if (CHROMIUM_REFUSED.has(name)) throw new Error('net::ERR_INVALID_ARGUMENT');
      if (init.body instanceof ReadableStream)
        throw new Error('a streamed body reaches Chromium only through a buffering copy');
      requests.push({ url, init });
      return fetch(url, init);
    },
  };
}

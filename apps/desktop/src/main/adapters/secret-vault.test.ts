import { describe, expect, it } from 'vitest';
import { createFakeSafeStorage } from '../../../test/fake-electron-services';
import type { SafeStorageOptions } from '../../../test/fake-electron-services';
import { EncryptionUnavailableError, openDesktopVault } from './secret-vault';
import type { DesktopVaultOptions, UnreadableChoice } from './secret-vault';
import type { SecretServiceStore } from './secret-service';

const ready = { isReady: () => true };

function memoryStore(initial: Record<string, string> = {}) {
  const self = {
    data: { ...initial } as Record<string, string>,
    read: () => self.data,
    write: (next: Readonly<Record<string, string>>) => {
      self.data = { ...next };
    },
  };
  return self;
}

function memoryKeyring(reachable = true): SecretServiceStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    probe: async () => {
      if (!reachable) throw new Error('org.freedesktop.DBus.Error.ServiceUnknown');
    },
    get: async (key) => items.get(key),
    set: async (key, value) => void items.set(key, value),
    delete: async (key) => void items.delete(key),
  };
}

function open(safe: SafeStorageOptions, extra: Partial<DesktopVaultOptions> = {}) {
  return openDesktopVault({
    safeStorage: createFakeSafeStorage(ready, safe),
    store: extra.store ?? memoryStore(),
    platform: safe.platform ?? 'linux',
    ...extra,
  });
}

describe('desktop vault on safeStorage', () => {
  it('stores only ciphertext and reads it back', async () => {
    const store = memoryStore();
    const vault = await open({ platform: 'darwin' }, { store });
    expect(vault.backend).toBe('safe-storage');
    await vault.set('clientSecret', 'tok-secret-1');
    expect(Object.keys(store.data)).toEqual(['clientSecret']);
    expect(Buffer.from(store.data.clientSecret ?? '', 'base64').toString('latin1')).not.toContain(
      'tok-secret-1',
    );
    expect(await vault.get('clientSecret')).toBe('tok-secret-1');
    await vault.delete('clientSecret');
    expect(store.data).toEqual({});
  });

  it('refuses to store anything without OS encryption, with a message free of the secret', async () => {
    const store = memoryStore();
    const vault = await open({ platform: 'win32', available: false }, { store });
    expect(vault.isEncryptionAvailable()).toBe(false);
    const refusal = vault.set('clientSecret', 'tok-secret');
    await expect(refusal).rejects.toBeInstanceOf(EncryptionUnavailableError);
    await expect(vault.set('clientSecret', 'tok-secret')).rejects.not.toThrow(/tok-secret/);
    expect(store.data).toEqual({});
  });

  it('keeps a value it cannot decrypt, asks, and reads it once the user lets it', async () => {
    const store = memoryStore();
    await (await open({ platform: 'darwin' }, { store })).set('refreshToken', 'tok-r');
    const asked: string[] = [];
    const answers: UnreadableChoice[] = ['retry', 'keep'];
    const denying = await open(
      { platform: 'darwin', refuseDecrypt: 1 },
      { store, onUnreadable: async (key) => (asked.push(key), answers.shift() ?? 'keep') },
    );
    // Denied once, the user chose "try again", the second attempt works.
    expect(await denying.get('refreshToken')).toBe('tok-r');
    expect(asked).toEqual(['refreshToken']);

    const otherKey = await open(
      { platform: 'darwin', key: 0x11 },
      { store, onUnreadable: async (key, reason) => (asked.push(`${key}: ${reason}`), 'keep') },
    );
    expect(await otherKey.get('refreshToken')).toBeUndefined();
    expect(asked[1]).toMatch(/^refreshToken: /);
    expect(asked[1]).not.toContain('tok-r');
    // Nothing was deleted: the original key still reads it.
    expect(Object.keys(store.data)).toEqual(['refreshToken']);
    expect(await (await open({ platform: 'darwin' }, { store })).get('refreshToken')).toBe('tok-r');
  });

  it('re-encrypts a value when the OS says its key was rotated', async () => {
    const store = memoryStore();
    await (await open({ platform: 'win32' }, { store })).set('x', 'tok-x');
    const written: string[] = [];
    const watched = {
      read: store.read,
      write: (next: Readonly<Record<string, string>>) => (written.push(next.x ?? ''), store.write(next)),
    };
    const rotated = await open({ platform: 'win32', rotated: true }, { store: watched });
    expect(await rotated.get('x')).toBe('tok-x');
    expect(written).toHaveLength(1);
    const plain = await open({ platform: 'win32' }, { store: watched });
    expect(await plain.get('x')).toBe('tok-x');
    expect(written).toHaveLength(1);
  });

  it('does not treat prototype names as stored keys', async () => {
    const vault = await open({ platform: 'win32' });
    expect(await vault.get('toString')).toBeUndefined();
    expect(await vault.get('__proto__')).toBeUndefined();
  });
});

describe('desktop vault on Linux without a recognised desktop (basic_text)', () => {
  it('uses the Secret Service when one answers, keeping nothing in the store file', async () => {
    const store = memoryStore();
    const keyring = memoryKeyring();
    const vault = await open({ backend: 'basic_text' }, { store, secretService: () => keyring });
    expect(vault.backend).toBe('secret-service');
    expect(vault.isEncryptionAvailable()).toBe(true);
    await vault.set('clientSecret', 'tok-s');
    expect(keyring.items.get('clientSecret')).toBe('tok-s');
    expect(store.data).toEqual({});
    expect(await vault.get('clientSecret')).toBe('tok-s');
    await vault.delete('clientSecret');
    expect(keyring.items.size).toBe(0);
  });

  it('counts basic_text as no encryption when no Secret Service answers', async () => {
    const notes: string[] = [];
    const vault = await open(
      { backend: 'basic_text' },
      { secretService: () => memoryKeyring(false), onNote: (n) => notes.push(n) },
    );
    expect(vault.backend).toBe('none');
    expect(vault.isEncryptionAvailable()).toBe(false);
    await expect(vault.set('x', 'tok')).rejects.toBeInstanceOf(EncryptionUnavailableError);
    expect(notes.join('\n')).toMatch(/basic_text[\s\S]*no Secret Service answers: .*ServiceUnknown/);
    expect(await open({ backend: 'basic_text' })).toMatchObject({ backend: 'none' });
  });

  it('prefers safeStorage on a recognised desktop, and reports a ciphertext it cannot use', async () => {
    const store = memoryStore();
    const keyring = memoryKeyring();
    const gnome = await open({ backend: 'gnome_libsecret' }, { store, secretService: () => keyring });
    expect(gnome.backend).toBe('safe-storage');
    await gnome.set('clientSecret', 'tok-g');
    const asked: string[] = [];
    const sway = await open(
      { backend: 'basic_text' },
      { store, secretService: () => keyring, onUnreadable: async (key) => (asked.push(key), 'keep') },
    );
    expect(await sway.get('clientSecret')).toBeUndefined();
    expect(asked).toEqual(['clientSecret']);
    expect(Object.keys(store.data)).toEqual(['clientSecret']);
  });
});

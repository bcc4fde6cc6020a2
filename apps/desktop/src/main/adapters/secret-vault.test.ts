import { describe, expect, it } from 'vitest';
import { EncryptionUnavailableError, createSafeStorageVault } from './secret-vault';
import type { SafeStorageLike } from './secret-vault';

/** A reversible stand-in for the OS cipher (XOR with a key), so ciphertext never equals the text. */
function fakeSafeStorage(
  options: { available?: boolean; backend?: string; key?: number } = {},
): SafeStorageLike {
  const key = options.key ?? 0x5a;
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ key)),
    decryptString: (buf) => {
      const out = Buffer.from([...buf].map((b) => b ^ key)).toString('utf8');
      if (!out.startsWith('tok'))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return out;
    },
    ...(options.backend === undefined ? {} : { getSelectedStorageBackend: () => options.backend as string }),
  };
}

function memoryStore(initial: Record<string, string> = {}) {
  let data: Readonly<Record<string, string>> = initial;
  return {
    read: () => data,
    write: (next: Readonly<Record<string, string>>) => (data = next),
    get data() {
      return data;
    },
  };
}

describe('safeStorage secret vault', () => {
  it('stores only ciphertext and reads the secret back', async () => {
    const store = memoryStore();
    const vault = createSafeStorageVault({ safeStorage: fakeSafeStorage(), store, platform: 'win32' });
    await vault.set('accessToken', 'tok-123');
    expect(JSON.stringify(store.data)).not.toContain('tok-123');
    expect(store.data.accessToken).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await vault.get('accessToken')).toBe('tok-123');
    expect(await vault.get('missing')).toBeUndefined();
    await vault.delete('accessToken');
    expect(store.data).toEqual({});
    await vault.delete('accessToken');
  });

  it('refuses to store anything when the OS has no encryption, and says so', async () => {
    const store = memoryStore();
    const vault = createSafeStorageVault({
      safeStorage: fakeSafeStorage({ available: false }),
      store,
      platform: 'linux',
    });
    expect(vault.isEncryptionAvailable()).toBe(false);
    await expect(vault.set('clientSecret', 'tok-secret')).rejects.toBeInstanceOf(EncryptionUnavailableError);
    await expect(vault.set('clientSecret', 'tok-secret')).rejects.not.toThrow(/tok-secret/);
    expect(store.data).toEqual({});
  });

  it("treats Linux's basic_text backend (hard-coded key) as no encryption", async () => {
    const store = memoryStore();
    const linux = createSafeStorageVault({
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      store,
      platform: 'linux',
    });
    expect(linux.isEncryptionAvailable()).toBe(false);
    await expect(linux.set('x', 'tok')).rejects.toBeInstanceOf(EncryptionUnavailableError);
    const keyring = createSafeStorageVault({
      safeStorage: fakeSafeStorage({ backend: 'gnome_libsecret' }),
      store,
      platform: 'linux',
    });
    expect(keyring.isEncryptionAvailable()).toBe(true);
  });

  it('forgets a value the OS can no longer decrypt and reports only its name', async () => {
    const store = memoryStore();
    await createSafeStorageVault({ safeStorage: fakeSafeStorage({ key: 1 }), store, platform: 'darwin' }).set(
      'refreshToken',
      'tok-r',
    );
    const unreadable: string[] = [];
    const vault = createSafeStorageVault({
      safeStorage: fakeSafeStorage({ key: 2 }),
      store,
      platform: 'darwin',
      onUnreadable: (key) => unreadable.push(key),
    });
    expect(await vault.get('refreshToken')).toBeUndefined();
    expect(unreadable).toEqual(['refreshToken']);
    expect(store.data).toEqual({});
  });

  it('does not treat prototype names as stored keys', async () => {
    const vault = createSafeStorageVault({
      safeStorage: fakeSafeStorage(),
      store: memoryStore(),
      platform: 'win32',
    });
    expect(await vault.get('toString')).toBeUndefined();
    expect(await vault.get('__proto__')).toBeUndefined();
  });
});

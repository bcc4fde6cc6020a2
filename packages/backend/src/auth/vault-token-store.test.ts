import { describe, expect, it } from 'vitest';
import { SECRET_KEYS } from '../settings/secret-keys';
import { createMemorySecretVault } from '../testing';
import { createVaultTokenStore } from './vault-token-store';

const token = {
  key: 'client:abc',
  accessToken: 'access-1234567',
  expiresAt: 1000,
  refreshToken: 'refresh-1234567',
};

describe('vault token store', () => {
  it('persists the token in the vault and teaches the redactor its values', async () => {
    const vault = createMemorySecretVault();
    const learned: string[] = [];
    const store = createVaultTokenStore(vault, { onSecret: (v) => learned.push(v) });
    await store.save(token);
    expect(JSON.parse(vault.entries()[SECRET_KEYS.token]!)).toEqual(token);
    expect(await createVaultTokenStore(vault).load()).toEqual(token);
    expect(learned).toEqual(['access-1234567', 'refresh-1234567']);
    await store.save(null);
    expect(vault.entries()).toEqual({});
  });

  it('treats a damaged record as none, and keeps tokens in memory only without encryption', async () => {
    const damaged = createMemorySecretVault({ initial: { [SECRET_KEYS.token]: '{oops' } });
    expect(await createVaultTokenStore(damaged).load()).toBeNull();
    const plain = createMemorySecretVault({ encryptionAvailable: false });
    const store = createVaultTokenStore(plain);
    await store.save(token);
    expect(plain.entries()).toEqual({});
    expect(await store.load()).toEqual(token);
  });
});

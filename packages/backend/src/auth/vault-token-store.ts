/**
 * The open-api TokenStore persisted through the SecretVault, so a minted token is reused
 * across restarts (each client id may hold at most 3 live tokens; minting a fourth logs
 * another session out). Without OS encryption the token lives in memory only.
 */
import type { StoredToken, TokenStore } from '@pandesk/open-api';
import type { SecretVault } from '../ports';
import { SECRET_KEYS } from '../settings/secret-keys';

function parse(text: string | undefined): StoredToken | null {
  if (text === undefined) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredToken>;
    if (
      typeof value.key === 'string' &&
      typeof value.accessToken === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      return value as StoredToken;
    }
  } catch {
    // A damaged record is as good as none: a new token is minted.
  }
  return null;
}

export interface VaultTokenStoreOptions {
  /** Learns every token value, so the log redacts it. */
  onSecret?: (value: string) => void;
}

export function createVaultTokenStore(vault: SecretVault, options: VaultTokenStoreOptions = {}): TokenStore {
  let memory: StoredToken | null = null;
  const learn = (token: StoredToken | null): void => {
    if (token === null) return;
    options.onSecret?.(token.accessToken);
    if (token.refreshToken !== undefined) options.onSecret?.(token.refreshToken);
  };
  return {
    async load() {
      const token = vault.isEncryptionAvailable() ? parse(await vault.get(SECRET_KEYS.token)) : memory;
      learn(token);
      return token;
    },
    async save(token) {
      learn(token);
      memory = token;
      if (!vault.isEncryptionAvailable()) return;
      if (token === null) await vault.delete(SECRET_KEYS.token);
      else await vault.set(SECRET_KEYS.token, JSON.stringify(token));
    },
  };
}

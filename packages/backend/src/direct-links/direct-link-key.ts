/**
 * The account's direct-link private key (URL authentication, reference §8.3): a secret, kept
 * only in the SecretVault like the client secret, loaded once, taught to the log's redactor,
 * and never handed to the renderer (the contract only says whether one is stored). With no
 * encrypted storage on the OS it is refused rather than written in the clear.
 */
import type { SecretVault } from '../ports';
import { SECRET_KEYS } from '../settings/secret-keys';
import { cloudError } from '../cloud/cloud-errors';

export interface DirectLinkKey {
  /** The stored key, or null. Back end only. */
  value(): string | null;
  /** Stores (`string`) or forgets (`null`) the key; refused without encrypted storage. */
  set(key: string | null): Promise<void>;
}

export async function loadDirectLinkKey(
  vault: SecretVault,
  onSecret: (value: string) => void,
): Promise<DirectLinkKey> {
  let current: string | null = null;
  if (vault.isEncryptionAvailable()) {
    const stored = await vault.get(SECRET_KEYS.directLinkPrivateKey).catch(() => undefined);
    current = stored === undefined || stored === '' ? null : stored;
  }
  if (current !== null) onSecret(current);
  return {
    value: () => current,
    async set(key) {
      if (key === current) return;
      if (key === null) {
        await vault.delete(SECRET_KEYS.directLinkPrivateKey);
      } else {
        if (!vault.isEncryptionAvailable()) throw cloudError('secure_storage_required');
        onSecret(key);
        await vault.set(SECRET_KEYS.directLinkPrivateKey, key);
      }
      current = key;
    },
  };
}

/**
 * The secret vault the back end works with, over the host's. While the host's vault can keep
 * secrets (the OS keychain; the browser host's file when the user chose it) everything goes
 * there. Where it cannot, secrets are refused until the user chooses to use them for this
 * session only (`useSession()`); from then on, until the process ends, they live in a Map in
 * memory and are never written anywhere, even if the host's vault comes up later (the user was
 * told they would be asked again next time, and a late keychain must not pick up secrets the
 * user meant to forget).
 */
import type { SecretStorage } from '@pandesk/contract';
import type { SecretVault } from '../ports';

export interface SessionVault extends SecretVault {
  /**
   * True when a secret can be kept now: the host's vault can encrypt, or the session vault holds
   * them in memory. (The name is the port's; it means "may store", not only "encrypts".)
   */
  isEncryptionAvailable(): boolean;
  /** Where secrets go now. */
  storage(): SecretStorage;
  /** From now until the process ends, secrets live in memory only. */
  useSession(): void;
}

export function createSessionVault(host: SecretVault): SessionVault {
  const memory = new Map<string, string>();
  let session = false;
  return {
    get: async (key) => (session ? memory.get(key) : host.get(key)),
    set: async (key, value) => {
      if (session) memory.set(key, value);
      else await host.set(key, value);
    },
    delete: async (key) => {
      if (session) memory.delete(key);
      else await host.delete(key);
    },
    isEncryptionAvailable: () => session || host.isEncryptionAvailable(),
    storage: () => (session ? 'session' : host.isEncryptionAvailable() ? 'encrypted' : 'unavailable'),
    useSession: () => {
      session = true;
    },
  };
}

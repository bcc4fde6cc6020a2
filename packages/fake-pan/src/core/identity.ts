/**
 * The emulator's fixed identity: developer credentials, the OAuth app, the user's uid and the
 * CDN signing secret. Kept in `identity.json` in the data dir, so a restarted emulator accepts
 * the same credentials and still honours download URLs it handed out.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createJsonFile } from './json-file';

export interface Identity {
  developer: { clientId: string; clientSecret: string };
  oauth: { clientId: string; clientSecret: string; redirectUri: string };
  uid: number;
  /** Epoch ms the account was created. */
  createdAt: number;
  /** Hex HMAC key for download URLs. */
  cdnSecret: string;
}

export interface IdentityOverrides {
  clientId?: string;
  clientSecret?: string;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** Loads the stored identity (or makes one) and applies explicit overrides, then saves. */
export function loadIdentity(dataDir: string, now: number, overrides: IdentityOverrides): Identity {
  const holder: { identity?: Identity } = {};
  const file = createJsonFile<Identity>(join(dataDir, 'identity.json'), () => holder.identity as Identity, 0);
  const identity: Identity = file.load() ?? {
    developer: { clientId: hex(16), clientSecret: hex(16) },
    oauth: {
      clientId: `app${hex(8)}`,
      clientSecret: hex(16),
      redirectUri: 'http://127.0.0.1/oauth/callback',
    },
    uid: 1814442530,
    createdAt: now,
    cdnSecret: hex(32),
  };
  if (overrides.clientId) identity.developer.clientId = overrides.clientId;
  if (overrides.clientSecret) identity.developer.clientSecret = overrides.clientSecret;
  holder.identity = identity;
  file.scheduleSave();
  file.flush();
  return identity;
}

/**
 * Direct-link URL authentication (reference §8.3):
 *
 *   auth_key = `${ts}-${rand}-${uid}-` + md5hex(`${path}-${ts}-${rand}-${uid}-${privateKey}`)
 *
 * `ts` is the expiry in Unix seconds, `rand` any token without dashes (a dashless UUID in one
 * client, an integer in another), `uid` the account's, `path` the URL path only: decoded or as
 * sent, per switch `directLinkAuthPath`. The private key never appears in an answer or a log.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type AuthCheck = { ok: true } | { ok: false; why: 'missing' | 'malformed' | 'expired' | 'signature' };

export interface AuthInput {
  /** The request path as sent (percent-encoded). */
  rawPath: string;
  authKey: string | null;
  privateKey: string;
  uid: number;
  nowMs: number;
  pathForm: 'decoded' | 'encoded';
}

const md5hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

export function checkAuthKey(input: AuthInput): AuthCheck {
  if (!input.authKey) return { ok: false, why: 'missing' };
  const match = /^(\d+)-([^-]+)-(\d+)-([0-9a-fA-F]{32})$/.exec(input.authKey);
  if (!match) return { ok: false, why: 'malformed' };
  const [, ts, rand, uid, given] = match as unknown as [string, string, string, string, string];
  let path = input.rawPath;
  if (input.pathForm === 'decoded') {
    try {
      path = decodeURIComponent(input.rawPath);
    } catch {
      return { ok: false, why: 'malformed' };
    }
  }
  const expected = md5hex(`${path}-${ts}-${rand}-${uid}-${input.privateKey}`);
  const same = timingSafeEqual(Buffer.from(expected), Buffer.from(given.toLowerCase()));
  if (!same || Number(uid) !== input.uid) return { ok: false, why: 'signature' };
  if (input.nowMs > Number(ts) * 1000) return { ok: false, why: 'expired' };
  return { ok: true };
}

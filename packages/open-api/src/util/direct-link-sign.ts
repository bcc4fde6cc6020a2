import { createHash, randomUUID } from 'node:crypto';
import { PanError } from '../errors';

export interface DirectLinkSignInput {
  /** The account's uid (`user.info().uid`). */
  uid: number;
  /** The URL-authentication key set on the account. Never logged, never in an error. */
  privateKey: string;
  /** Epoch ms after which the link stops working. */
  expiresAt: number;
  /** Random token without dashes; a fresh dashless UUID when omitted. */
  rand?: string;
}

/**
 * Appends `auth_key` to a direct-link URL (reference §8.3):
 *
 *   auth_key = `${ts}-${rand}-${uid}-` + md5hex(`${path}-${ts}-${rand}-${uid}-${privateKey}`)
 *
 * `ts` is the expiry in Unix seconds and `path` the URL path only, percent-decoded (as OpenList
 * signs it). An `auth_key` already on the URL is replaced. Errors name the bad field, never a value.
 */
export function signDirectLink(url: string, input: DirectLinkSignInput): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PanError('invalid_argument', 'direct link: not an absolute URL');
  }
  if (!input.privateKey) throw new PanError('invalid_argument', 'direct link: privateKey is empty');
  if (!Number.isSafeInteger(input.uid) || input.uid <= 0)
    throw new PanError('invalid_argument', 'direct link: uid must be a positive integer');
  if (!Number.isFinite(input.expiresAt))
    throw new PanError('invalid_argument', 'direct link: expiresAt must be a time');
  const rand = input.rand ?? randomUUID().replace(/-/g, '');
  if (!/^[A-Za-z0-9]+$/.test(rand))
    throw new PanError('invalid_argument', 'direct link: rand must be letters and digits');
  const ts = Math.floor(input.expiresAt / 1000);
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    throw new PanError('invalid_argument', 'direct link: the URL path is not valid percent-encoding');
  }
  const hash = createHash('md5')
    .update(`${path}-${ts}-${rand}-${input.uid}-${input.privateKey}`, 'utf8')
    .digest('hex');
  parsed.searchParams.set('auth_key', `${ts}-${rand}-${input.uid}-${hash}`);
  return parsed.toString();
}

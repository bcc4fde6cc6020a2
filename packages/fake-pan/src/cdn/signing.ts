/**
 * Download URL signing for the fake CDN (reference §8.1, §8.2). URLs look like the real ones:
 *
 *   <cdnUrl>/123-61/<md5[0,8)>/<uid>-0/<md5>/c-m74?v=5&t=<expiry unix s>&s=<t><mac>&r=<rand>&bzs=<size>&filename=<name>
 *
 * - `t` is the expiry in Unix seconds; the URL is refused once the clock passes it.
 * - `s` starts with `t` (as the real one does) followed by a truncated HMAC-SHA256, keyed with a
 *   per-server secret, over the path, `t`, `r`, `bzs` and `filename`. Changing any of them → 403.
 * - `bzs` carries the blob size (content is keyed by md5 + size, §7.1).
 * - Edge hops (`cdnRedirect`) live under `/edge` + the same path and are signed on their own.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const EDGE_PREFIX = '/edge';
const MAC_HEX_CHARS = 32;
const PATH_PATTERN = /^(\/edge)?\/123-61\/([0-9a-f]{8})\/(\d+)-0\/([0-9a-f]{32})\/c-m74$/;

export interface DownloadTicket {
  md5: string;
  size: number;
  uid: number;
  filename: string;
  /** Unix seconds after which the URL is refused. */
  expiresAtSec: number;
}

export interface VerifiedTicket extends DownloadTicket {
  /** The URL is an edge hop (already redirected once). */
  edge: boolean;
}

export type VerifyResult =
  { ok: true; ticket: VerifiedTicket } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export interface UrlSigner {
  /** A signed URL on `baseUrl` (no trailing slash), first-hop path unless `edge`. */
  sign(baseUrl: string, ticket: DownloadTicket, edge?: boolean): string;
  /** Checks path + query of a request URL (`/123-61/…?…`). */
  verify(pathAndQuery: string): VerifyResult;
}

export interface UrlSignerOptions {
  /** HMAC key; random per server when omitted (URLs then die with the server). */
  secret?: Uint8Array;
  /** Epoch ms. */
  now: () => number;
}

export function createUrlSigner(options: UrlSignerOptions): UrlSigner {
  const secret = Buffer.from(options.secret ?? randomBytes(32));
  const mac = (path: string, t: string, r: string, bzs: string, filename: string): string =>
    createHmac('sha256', secret)
      .update([path, t, r, bzs, filename].join('\n'))
      .digest('hex')
      .slice(0, MAC_HEX_CHARS);

  return {
    sign(baseUrl, ticket, edge = false) {
      const md5 = ticket.md5.toLowerCase();
      const path = `${edge ? EDGE_PREFIX : ''}/123-61/${md5.slice(0, 8)}/${ticket.uid}-0/${md5}/c-m74`;
      const t = String(Math.floor(ticket.expiresAtSec));
      const r = randomBytes(4).toString('hex').toUpperCase();
      const bzs = String(ticket.size);
      const query = new URLSearchParams({
        v: '5',
        t,
        s: `${t}${mac(path, t, r, bzs, ticket.filename)}`,
        r,
        bzs,
      });
      query.set('filename', ticket.filename);
      return `${baseUrl}${path}?${query.toString()}`;
    },
    verify(pathAndQuery) {
      const url = new URL(pathAndQuery, 'http://cdn.invalid');
      const match = PATH_PATTERN.exec(url.pathname);
      const q = url.searchParams;
      const [t, s, r, bzs, filename] = [q.get('t'), q.get('s'), q.get('r'), q.get('bzs'), q.get('filename')];
      if (!match || !t || !s || r === null || !bzs || filename === null)
        return { ok: false, reason: 'malformed' };
      if (!/^\d+$/.test(t) || !/^\d+$/.test(bzs)) return { ok: false, reason: 'malformed' };
      const [, edgePrefix, prefix, uid, md5] = match as unknown as [
        string,
        string | undefined,
        string,
        string,
        string,
      ];
      const expected = Buffer.from(`${t}${mac(url.pathname, t, r, bzs, filename)}`);
      const given = Buffer.from(s);
      if (
        prefix !== md5.slice(0, 8) ||
        expected.length !== given.length ||
        !timingSafeEqual(expected, given)
      ) {
        return { ok: false, reason: 'signature' };
      }
      if (options.now() > Number(t) * 1000) return { ok: false, reason: 'expired' };
      const ticket = {
        md5,
        size: Number(bzs),
        uid: Number(uid),
        filename,
        expiresAtSec: Number(t),
        edge: !!edgePrefix,
      };
      return { ok: true, ticket };
    },
  };
}

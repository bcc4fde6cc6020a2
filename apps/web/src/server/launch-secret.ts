import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The per-launch secret. A page gets it from the URL fragment the server prints (fragments
 * never reach a server or a Referer), then presents it on every WebSocket (as a subprotocol,
 * since browsers cannot set headers there) and every API request (the `X-PanDesk-Key`
 * header). It is never accepted from a URL query: browser downloads use single-use tickets
 * instead (download-tickets.ts), so no history entry or drag payload ever holds the key.
 */

/** Header carrying the secret on API requests. */
export const SECRET_HEADER = 'x-pandesk-key';
/** The WebSocket subprotocol every client offers; the server selects it. */
export const WS_PROTOCOL = 'pandesk';
/** Prefix of the second subprotocol, `k.<secret>`, that carries the secret. */
export const WS_SECRET_PREFIX = 'k.';

/** 32 random bytes, base64url: valid in a URL fragment, a query and a subprotocol token. */
export function createLaunchSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so response timing says nothing about how much of a guess matched. */
export function secretsEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The secret a request presents in the `X-PanDesk-Key` header. */
export function requestSecret(req: IncomingMessage): string | undefined {
  const header = req.headers[SECRET_HEADER];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

/** The secret offered as a `k.<secret>` WebSocket subprotocol. */
export function protocolSecret(protocols: ReadonlySet<string>): string | undefined {
  for (const protocol of protocols) {
    if (protocol.startsWith(WS_SECRET_PREFIX)) return protocol.slice(WS_SECRET_PREFIX.length);
  }
  return undefined;
}

/**
 * Who may use the `/__fake/*` control endpoint. It can flip faults, expire tokens and read the
 * emulator's state, so a call is obeyed only when
 * - `Host` names a loopback address (`127.0.0.1`, `localhost`, `[::1]`) with the API port, so a
 *   page that rebinds its own DNS name to 127.0.0.1 is refused;
 * - `Origin`, when present, is such a loopback origin too, so a script on a foreign page is
 *   refused even if it guessed everything else;
 * - the `X-Fake-Pan-Control` header carries this emulator's control token, random per start and
 *   handed out only through the `FakePan` handle and the CLI banner. A custom header also makes
 *   any cross-origin browser request need a CORS preflight, which the emulator never grants.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { flat, type Reply } from './http/envelope';
import type { ApiRequest } from './http/request';

/** Request header carrying the control token. */
export const CONTROL_HEADER = 'x-fake-pan-control';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A fresh control token: 24 random bytes, base64url. */
export function createControlToken(): string {
  return randomBytes(24).toString('base64url');
}

/** `host[:port]` (a Host header, or an origin's host) names loopback with `port`. */
function isLoopbackAuthority(authority: string, port: string): boolean {
  let url: URL;
  try {
    url = new URL(`http://${authority}`);
  } catch {
    return false;
  }
  return (
    LOOPBACK_NAMES.has(url.hostname.toLowerCase()) &&
    url.port === port &&
    `${url.host}` === authority.toLowerCase()
  );
}

function isLoopbackOrigin(origin: string, port: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' && url.origin === origin.toLowerCase() && isLoopbackAuthority(url.host, port)
  );
}

function tokensEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refused(message: string): Reply {
  return flat({ code: 403, message, data: null }, 403);
}

/**
 * Answers why a control call is refused (HTTP 403 with a JSON body that never echoes the
 * request), or undefined when it may go on.
 * @param apiPort the API listener's port, as a string ("41234").
 */
export function controlRefusal(req: ApiRequest, apiPort: string, token: string): Reply | undefined {
  const host = req.headers.host;
  if (host === undefined || !isLoopbackAuthority(host, apiPort))
    return refused('control calls must name the loopback address in Host');
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin, apiPort))
    return refused('control calls from another origin are refused');
  const given = req.headers[CONTROL_HEADER];
  if (!tokensEqual(token, typeof given === 'string' ? given : undefined))
    return refused(`control calls need the control token in ${CONTROL_HEADER}`);
  return undefined;
}

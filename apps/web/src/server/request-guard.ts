import type { IncomingMessage } from 'node:http';

/**
 * Same-origin checks for a server bound to loopback. `Host` must name the loopback address and
 * our port (a DNS-rebinding page would send its own host name), and `Origin`, when present,
 * must be our own origin (a foreign page's WebSocket or POST carries its origin). Requests
 * without `Origin` come from non-browser clients, which still need the launch secret.
 */

export interface OriginPolicy {
  /** The port the server listens on. */
  readonly port: number;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

function allowedHosts(policy: OriginPolicy): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${policy.port}`);
}

/** True when the `Host` header names this server on loopback. */
export function isAllowedHost(req: IncomingMessage, policy: OriginPolicy): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(policy).includes(host);
}

/** True when the request has no `Origin` or names this server's own origin. */
export function isAllowedOrigin(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(policy).some((host) => origin.toLowerCase() === `http://${host}`);
}

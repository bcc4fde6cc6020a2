import type { Server } from 'node:http';

/**
 * Idle keep-alive connections stay open for 65 s, as behind the load balancers of hosted
 * services (nginx's default is 75 s), instead of Node's 5 s. With 5 s a client that reuses a
 * pooled connection just as the server closes it gets ECONNRESET on a request the server
 * never saw; on a busy machine that race turned into failures no real service would cause.
 * The headers timeout must stay above the keep-alive timeout (Node's own rule).
 */
export const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsLikeTheService(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

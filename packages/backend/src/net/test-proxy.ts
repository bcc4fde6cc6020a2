/**
 * A tiny loopback HTTP proxy for tests: CONNECT tunnels and absolute-URI forwarding, counting
 * what passes through it and optionally requiring Basic credentials (407 otherwise).
 */
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestProxy {
  readonly url: string;
  /** CONNECT tunnels opened plus requests forwarded. */
  readonly uses: number;
  /** Bytes the client sent through tunnels and forwarded requests (grows with every proxied request). */
  readonly bytesIn: number;
  /** Requests refused for missing or wrong credentials. */
  readonly refused: number;
  close(): Promise<void>;
}

export async function startTestProxy(options: { credentials?: string } = {}): Promise<TestProxy> {
  const stats = { uses: 0, bytesIn: 0, refused: 0 };
  const sockets = new Set<Socket>();
  const expected =
    options.credentials === undefined
      ? undefined
      : `Basic ${Buffer.from(options.credentials).toString('base64')}`;
  const allowed = (req: IncomingMessage): boolean => {
    if (expected !== undefined && req.headers['proxy-authorization'] !== expected) {
      stats.refused++;
      return false;
    }
    stats.uses++;
    return true;
  };

  const server: Server = createServer((req, res) => {
    if (!allowed(req)) return void res.writeHead(407, { 'proxy-authenticate': 'Basic' }).end();
    req.on('data', (chunk: Buffer) => (stats.bytesIn += chunk.length));
    const target = new URL(req.url ?? '/');
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    if (!allowed(req))
      return void client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n',
      );
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.on('data', (chunk: Buffer) => (stats.bytesIn += chunk.length));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get uses() {
      return stats.uses;
    },
    get bytesIn() {
      return stats.bytesIn;
    },
    get refused() {
      return stats.refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A loopback HTTP server for cloud-download tests: it serves byte bodies at paths, optionally
 * sending only the first part and holding the rest until the test releases it (so a task is
 * seen in progress without any timing), and answers 404 for anything else.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface UrlServer {
  readonly origin: string;
  /** Serves `body` at `path`; with `holdAfter` only that many bytes go out until `release()`. */
  serve(path: string, body: Uint8Array, options?: { holdAfter?: number }): { release(): void };
  /** Requests seen, by path. */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startUrlServer(): Promise<UrlServer> {
  const routes = new Map<string, { body: Uint8Array; holdAfter?: number; released: Promise<void> }>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route === undefined) {
      res.writeHead(404).end('not here');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': route.body.length });
    if (route.holdAfter === undefined) {
      res.end(route.body);
      return;
    }
    res.write(route.body.subarray(0, route.holdAfter));
    void route.released.then(() => res.end(route.body.subarray(route.holdAfter)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    serve(path, body, options = {}) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      routes.set(path, {
        body,
        released,
        ...(options.holdAfter === undefined ? {} : { holdAfter: options.holdAfter }),
      });
      return { release };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';

/** Screenshots of the cloud features, next to the other screenshots (e2e/artifacts/, git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));

export async function screenshot(app: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await app.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

export const row = (app: Page, name: string): Locator =>
  app
    .getByTestId('file-row')
    .filter({ has: app.locator('.pd-name', { hasText: new RegExp(`^${escape(name)}$`) }) });

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lets the page read and write the system clipboard, and reads it. */
export async function allowClipboard(app: Page): Promise<void> {
  await app
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url()).origin });
}

export function readClipboard(app: Page): Promise<string> {
  return app.evaluate(() => navigator.clipboard.readText());
}

export interface UrlServer {
  readonly origin: string;
  /** Serves `body` at `path`; with `holdAfter` only that many bytes go out until `release()`. */
  serve(path: string, body: Uint8Array, options?: { holdAfter?: number }): { release(): void };
  close(): Promise<void>;
}

/** A loopback HTTP server in the test process, for the service's cloud downloads to fetch from. */
export async function startUrlServer(): Promise<UrlServer> {
  const routes = new Map<string, { body: Uint8Array; holdAfter?: number; released: Promise<void> }>();
  const server = createServer((req, res) => {
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
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

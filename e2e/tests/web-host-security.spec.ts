import { readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';

/** A page on another loopback origin (another port), standing in for a hostile local site. */
async function startForeignSite(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test('the launch key never appears in the address, and a page of another origin cannot reach the host even with the key', async ({
  app,
  webHost,
  browser,
  workDir,
}) => {
  const key = new URL(webHost.url).hash.slice('#k='.length);
  expect(app.url()).not.toContain(key);

  const foreign = await startForeignSite();
  const page = await browser.newPage();
  try {
    await page.goto(foreign.origin);
    const attempt = await page.evaluate(
      async ({ host, key }) => {
        const socket = await new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://${host}/ws`, ['pandesk', `k.${key}`]);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        });
        const stage = await fetch(`http://${host}/api/stage`, {
          method: 'POST',
          headers: {
            'x-pandesk-key': key,
            'x-pandesk-batch': 'foreign-batch-1',
            'x-pandesk-path': 'evil.txt',
          },
          body: 'x',
        }).then(
          (r) => `status ${r.status}`,
          () => 'blocked',
        );
        return { socket, stage };
      },
      { host: new URL(webHost.origin).host, key },
    );
    expect(attempt.socket).toBe('refused');
    // The CORS preflight is refused (foreign Origin), so the POST is never sent.
    expect(attempt.stage).toBe('blocked');
    expect(await readdir(join(workDir, 'user-data', 'staging')).catch(() => [])).toEqual([]);
  } finally {
    await page.close();
    await new Promise((resolve) => foreign.server.close(resolve));
  }
});

test('the same socket opens from the host page itself', async ({ app, webHost }) => {
  const key = new URL(webHost.url).hash.slice('#k='.length);
  const state = await app.evaluate(
    (key) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/ws`, ['pandesk', `k.${key}`]);
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onerror = () => resolve('refused');
      }),
    key,
  );
  expect(state).toBe('open');
});

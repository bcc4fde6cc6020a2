import { createApiClient, createTextTransport } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WS_PROTOCOL, WS_SECRET_PREFIX } from './launch-secret';
import { startDevServer, type DevServer } from './dev-server';
import { startHostKit, type HostKit } from './testing/host-kit';
import { toTextPort } from './ws-bridge';

let kit: HostKit | undefined;
let dev: DevServer | undefined;
afterEach(async () => {
  await dev?.close();
  await kit?.close();
  dev = kit = undefined;
});

/** Opens the socket as the page served by the dev server does: its own origin, the key as subprotocol. */
function openPageSocket(origin: string, secret: string): Promise<WebSocket> {
  const socket = new WebSocket(
    `${origin.replace('http', 'ws')}/ws`,
    [WS_PROTOCOL, WS_SECRET_PREFIX + secret],
    {
      origin,
    },
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

describe('the UI dev server (pnpm dev)', () => {
  it('serves the page from its sources with hot reload, and passes calls and the socket to the host', async () => {
    kit = await startHostKit();
    dev = await startDevServer(kit.host, { port: 0 });
    const url = new URL(dev.url);
    expect(url.hash).toBe(`#k=${kit.host.secret}`);

    const page = await (await fetch(url.origin)).text();
    expect(page).toContain('/@vite/client');
    expect(page).toContain('/src/client/main.tsx');
    const entry = await fetch(`${url.origin}/src/client/main.tsx`);
    expect(entry.status).toBe(200);
    expect(await entry.text()).toContain('/packages/ui/src/');
    // React components are swapped in place on edit (React refresh), not reloaded.
    expect((await fetch(`${url.origin}/@react-refresh`)).status).toBe(200);

    const config = await fetch(`${url.origin}/api/config`, {
      headers: { origin: url.origin, 'X-PanDesk-Key': kit.host.secret },
    });
    expect(config.status).toBe(200);

    const socket = await openPageSocket(url.origin, kit.host.secret);
    const client = createApiClient(createTextTransport(toTextPort(socket)));
    const info = await client.app.info();
    expect(info.ok).toBe(true);
    expect(kit.calls.map((c) => c.channel)).toContain('app:info');
    client.close();
  }, 60_000);
});

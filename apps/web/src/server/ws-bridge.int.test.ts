import { createApiClient, createTextTransport, fail, ok } from '@pandesk/contract';
import type { FolderChange } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostKit, connectWs } from './testing/host-kit';
import type { HostKit } from './testing/host-kit';
import { toTextPort } from './ws-bridge';

let kit: HostKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the contract over the WebSocket', () => {
  it('round-trips calls, validation errors and results, and forwards events', async () => {
    kit = await startHostKit({
      respond: async (channel, input) => {
        if (channel === 'files:mkdir') return fail('name_conflict', 'A folder with that name exists.');
        if (channel === 'transfers:page') return ok({ total: 0, offset: 0, items: [] });
        return ok({ channel, input: input ?? null });
      },
    });
    const { socket } = await connectWs(kit.host);
    expect(socket?.protocol).toBe('pandesk');
    const client = createApiClient(createTextTransport(toTextPort(socket!)));

    expect(await client.files.list({ folderId: 7 })).toEqual(
      ok({ channel: 'files:list', input: { folderId: 7 } }),
    );
    expect(await client.auth.status()).toEqual(ok({ channel: 'auth:status', input: null }));
    expect(await client.files.mkdir({ parentId: 0, name: 'x' })).toEqual(
      fail('name_conflict', 'A folder with that name exists.'),
    );
    const invalid = await client.files.list({ folderId: -1 });
    expect(invalid.ok ? undefined : invalid.error.code).toBe('invalid_input');
    expect(kit.calls.map((c) => c.channel).filter((c) => c !== 'transfers:page')).toEqual([
      'files:list',
      'auth:status',
      'files:mkdir',
    ]);

    const seen: FolderChange[] = [];
    client.on('folder:changed', (change) => seen.push(change));
    await until(() => kit!.hub.listenerCount('folder:changed') > 0);
    kit.hub.emit('folder:changed', { folderIds: [1, 2], trashChanged: false });
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual({ folderIds: [1, 2], trashChanged: false });
    client.close();
  });

  it('answers pending calls with disconnected when the host goes away', async () => {
    let release: (() => void) | undefined;
    kit = await startHostKit({
      respond: async (channel) => {
        if (channel === 'files:quota') await new Promise<void>((r) => (release = r));
        return channel === 'transfers:page' ? ok({ total: 0, offset: 0, items: [] }) : ok(null);
      },
    });
    const { socket } = await connectWs(kit.host);
    const client = createApiClient(createTextTransport(toTextPort(socket!)));
    const pending = client.files.quota();
    await until(() => release !== undefined);
    await kit.host.close();
    const result = await pending;
    expect(result.ok ? undefined : result.error.code).toBe('disconnected');
    release?.();
  });
});

describe('WebSocket authorisation', () => {
  it('refuses a missing or wrong secret with 403 before any handshake', async () => {
    kit = await startHostKit();
    expect((await connectWs(kit.host, { secret: null })).status).toBe(403);
    expect((await connectWs(kit.host, { secret: 'wrong' })).status).toBe(403);
    expect((await connectWs(kit.host, { secret: kit.host.secret.slice(0, -1) + 'A' })).status).toBe(403);
    expect(kit.calls.filter((c) => c.channel !== 'transfers:page')).toEqual([]);
  });

  it('refuses a foreign Origin even with the right secret', async () => {
    kit = await startHostKit();
    expect((await connectWs(kit.host, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await connectWs(kit.host, { origin: `http://127.0.0.1:${kit.host.port + 1}` })).status).toBe(403);
    expect((await connectWs(kit.host, { origin: 'null' })).status).toBe(403);
  });

  it('accepts its own origins, and non-browser clients without Origin', async () => {
    kit = await startHostKit();
    for (const origin of [kit.host.origin, `http://localhost:${kit.host.port}`, null]) {
      const attempt = await connectWs(kit.host, { origin });
      expect(attempt.socket).toBeDefined();
      attempt.socket?.close();
    }
  });

  it('answers 404 for upgrades on other paths', async () => {
    kit = await startHostKit();
    expect((await connectWs(kit.host, { path: '/other' })).status).toBe(404);
  });
});

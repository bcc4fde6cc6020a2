import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';
import { DIRECT_LINK_MESSAGES } from './direct-link-routes';

let pan: FakePan | undefined;
afterEach(async () => {
  await pan?.close();
  pan = undefined;
});

async function setup(options: Parameters<typeof startFakePan>[0] = {}) {
  pan = await startFakePan({ vip: true, faults: { rateLimits: false }, ...options });
  const token = await login(pan);
  const folder = pan.state.addFolder('/public');
  const file = await pan.state.addFile('/public/sub/图 1.png', 'png bytes');
  const post = (path: string, fileID: number) =>
    api<{ filename: string }>(pan!, 'POST', path, { token, body: { fileID } });
  const urlOf = (fileID: number) =>
    api<{ url: string }>(pan!, 'GET', '/api/v1/direct-link/url', { token, query: { fileID } });
  return { pan, token, folder, file, post, urlOf };
}

/** §8.3, written out here on its own so the test does not reuse the emulator's check. */
function sign(url: string, key: string, uid: number, ts: number, rand = 'abc123'): string {
  const parsed = new URL(url);
  const path = decodeURIComponent(parsed.pathname);
  const hash = createHash('md5').update(`${path}-${ts}-${rand}-${uid}-${key}`).digest('hex');
  parsed.searchParams.set('auth_key', `${ts}-${rand}-${uid}-${hash}`);
  return parsed.toString();
}

describe('direct links', () => {
  it('enable answers the folder name; a file inside gets a long-lived URL the CDN serves with its type', async () => {
    const { post, urlOf, folder, file } = await setup();
    expect(await urlOf(file.id)).toMatchObject({ code: 1, message: DIRECT_LINK_MESSAGES.outside });
    expect(await post('/api/v1/direct-link/enable', folder.id)).toMatchObject({
      code: 0,
      data: { filename: 'public' },
    });
    const got = await urlOf(file.id);
    expect(got.code).toBe(0);
    expect(got.data.url).toBe(
      `${pan!.cdnUrl}/${pan!.context.user.uid}/public/sub/${encodeURIComponent('图 1.png')}`,
    );
    const res = await fetch(got.data.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(await res.text()).toBe('png bytes');
    const ranged = await fetch(got.data.url, { headers: { Range: 'bytes=4-' } });
    expect([ranged.status, await ranged.text()]).toEqual([206, 'bytes']);

    expect(await post('/api/v1/direct-link/disable', folder.id)).toMatchObject({
      code: 0,
      data: { filename: 'public' },
    });
    expect((await urlOf(file.id)).code).toBe(1);
    expect((await fetch(got.data.url)).status).toBe(404);
  });

  it('refuses free accounts on every call, with a message (a switch)', async () => {
    const { post, urlOf, folder, file, pan, token } = await setup({ vip: false });
    for (const path of ['/api/v1/direct-link/enable', '/api/v1/direct-link/disable'])
      expect(await post(path, folder.id)).toMatchObject({
        code: 1,
        message: DIRECT_LINK_MESSAGES.vipOnly,
        data: null,
      });
    expect(await urlOf(file.id)).toMatchObject({ code: 1, message: DIRECT_LINK_MESSAGES.vipOnly });
    expect(await api(pan, 'POST', '/api/v1/direct-link/cache/refresh', { token })).toMatchObject({
      code: 1,
      message: DIRECT_LINK_MESSAGES.vipOnly,
    });
    pan.switches.set({ directLinkNeedsVip: false });
    expect((await post('/api/v1/direct-link/enable', folder.id)).code).toBe(0);
  });

  it('validates ids: unknown 5066, root, file as folder, trashed folder, folder as file, trashed file', async () => {
    const { post, urlOf, folder, file, pan, token } = await setup();
    expect((await post('/api/v1/direct-link/enable', 987654321)).code).toBe(5066);
    expect(await post('/api/v1/direct-link/enable', 0)).toMatchObject({
      code: 1,
      message: DIRECT_LINK_MESSAGES.root,
    });
    expect(await post('/api/v1/direct-link/enable', file.id)).toMatchObject({
      code: 1,
      message: DIRECT_LINK_MESSAGES.notFolder,
    });
    await post('/api/v1/direct-link/enable', folder.id);
    expect(await urlOf(folder.id)).toMatchObject({ code: 1, message: DIRECT_LINK_MESSAGES.notFile });
    expect((await urlOf(987654321)).code).toBe(5066);
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [file.id] } });
    expect((await urlOf(file.id)).code).toBe(5066);
    const other = pan.state.addFolder('/other');
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [other.id] } });
    expect(await post('/api/v1/direct-link/enable', other.id)).toMatchObject({
      code: 1,
      message: DIRECT_LINK_MESSAGES.trashed,
    });
  });

  it('the CDN caches a path until cache/refresh', async () => {
    const { post, urlOf, folder, pan, token } = await setup();
    const old = await pan.state.addFile('/public/v.txt', 'version 1');
    await post('/api/v1/direct-link/enable', folder.id);
    const { url } = (await urlOf(old.id)).data;
    expect(await (await fetch(url)).text()).toBe('version 1');
    expect((await fetch(url)).headers.get('content-type')).toBe('text/plain; charset=utf-8');
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [old.id] } });
    await pan.state.addFile('/public/v.txt', 'version 2');
    expect(await (await fetch(url)).text()).toBe('version 1');
    expect(await api(pan, 'POST', '/api/v1/direct-link/cache/refresh', { token })).toMatchObject({
      code: 0,
      data: null,
    });
    expect(await (await fetch(url)).text()).toBe('version 2');
  });

  it('with a private key, requests need a valid, unexpired auth_key (§8.3)', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 0, 1) });
    const { post, urlOf, folder, file, pan } = await setup({ clock, directLinkPrivateKey: 'k3y' });
    await post('/api/v1/direct-link/enable', folder.id);
    const { url } = (await urlOf(file.id)).data;
    const uid = pan.context.user.uid;
    const ts = Math.floor(clock.now() / 1000) + 60;
    expect((await fetch(url)).status).toBe(403);
    const signed = sign(url, 'k3y', uid, ts);
    expect(signed).not.toContain('k3y');
    expect(await (await fetch(signed)).text()).toBe('png bytes');
    expect((await fetch(sign(url, 'wrong', uid, ts))).status).toBe(403);
    expect((await fetch(sign(url, 'k3y', uid + 1, ts))).status).toBe(403);
    const forged = new URL(signed);
    forged.searchParams.set(
      'auth_key',
      forged.searchParams.get('auth_key')!.replace(/^\d+/, String(ts + 3600)),
    );
    expect((await fetch(forged)).status).toBe(403);
    await clock.advance(61_000);
    const late = await fetch(signed);
    expect(late.status).toBe(403);
    expect(await late.text()).not.toContain('k3y');

    pan.switches.set({ directLinkAuthPath: 'encoded' });
    const fresh = Math.floor(clock.now() / 1000) + 60;
    expect((await fetch(sign(url, 'k3y', uid, fresh))).status).toBe(403);
    const raw = new URL(url);
    const hash = createHash('md5').update(`${raw.pathname}-${fresh}-r-${uid}-k3y`).digest('hex');
    raw.searchParams.set('auth_key', `${fresh}-r-${uid}-${hash}`);
    expect((await fetch(raw)).status).toBe(200);

    const off = await api<{ authKeyRequired: boolean }>(pan, 'POST', '/__fake/direct-link', {
      body: { privateKey: null },
    });
    expect(off.data).toEqual({ authKeyRequired: false });
    expect(JSON.stringify(off)).not.toContain('k3y');
    expect((await fetch(url)).status).toBe(200);
    expect((await api(pan, 'POST', '/__fake/direct-link', { body: { privateKey: 'again' } })).data).toEqual({
      authKeyRequired: true,
    });
    expect((await fetch(url)).status).toBe(403);
  });
});

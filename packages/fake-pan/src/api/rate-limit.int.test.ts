import { afterEach, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, call, login } from '../testing/api-call';
import { createManualClock } from '@pandesk/contract/testing';

let pan: FakePan | undefined;
afterEach(() => pan?.close());

/** The clock stands still unless a test moves it, so "within one second" is exact. */
async function start(vip: boolean) {
  const clock = createManualClock({ start: Date.UTC(2025, 5, 1, 4, 0, 0) });
  pan = await startFakePan({ clock, vip });
  const token = await login(pan);
  const folder = pan.state.addFolder('/f');
  return { pan, clock, token, folder };
}

describe('rate limits (sliding 1 s window, HTTP 200 + body code 429)', () => {
  test('free: delete allows 1 per second; the next second it works again', async () => {
    const { pan, clock, token } = await start(false);
    const first = await call(pan, 'POST', '/api/v1/file/delete', { token, body: { fileIDs: [1] } });
    expect(first.json?.code).toBe(5066);
    const second = await call(pan, 'POST', '/api/v1/file/delete', { token, body: { fileIDs: [1] } });
    expect(second.status).toBe(200);
    expect(second.json?.code).toBe(429);
    await clock.advance(1000);
    expect((await api(pan, 'POST', '/api/v1/file/delete', { token, body: { fileIDs: [1] } })).code).toBe(
      5066,
    );
  });

  test('VIP: delete allows 10 per second', async () => {
    const { pan, token } = await start(true);
    for (let i = 0; i < 10; i++) {
      expect((await api(pan, 'POST', '/api/v1/file/delete', { token, body: { fileIDs: [1] } })).code).toBe(
        5066,
      );
    }
    expect((await api(pan, 'POST', '/api/v1/file/delete', { token, body: { fileIDs: [1] } })).code).toBe(429);
  });

  test('free v1 list is 0.2 QPS (one call per 5 s); v2 list 5 per second', async () => {
    const { pan, clock, token, folder } = await start(false);
    const v1 = () =>
      api(pan, 'GET', '/api/v1/file/list', { token, query: { parentFileId: folder.id, page: 1, limit: 10 } });
    expect((await v1()).code).toBe(0);
    await clock.advance(4999);
    expect((await v1()).code).toBe(429);
    await clock.advance(1);
    expect((await v1()).code).toBe(0);
    const v2 = () =>
      api(pan, 'GET', '/api/v2/file/list', { token, query: { parentFileId: folder.id, limit: 10 } });
    for (let i = 0; i < 5; i++) expect((await v2()).code).toBe(0);
    expect((await v2()).code).toBe(429);
  });

  test('VIP can be switched on at run time and user/info shows it', async () => {
    const { pan, token } = await start(false);
    const info = await api<{ vip: boolean; vipInfo: unknown }>(pan, 'GET', '/api/v1/user/info', { token });
    expect(info.data).toMatchObject({ vip: false, vipInfo: null });
    pan.setVip(true);
    const vip = await api<{ vip: boolean; vipInfo: { vipLevel: number }[] }>(
      pan,
      'GET',
      '/api/v1/user/info',
      { token },
    );
    expect(vip.data.vip).toBe(true);
    expect(vip.data.vipInfo[0]?.vipLevel).toBe(1);
  });

  test('the rateLimits fault turns limiting off', async () => {
    const { pan, token } = await start(false);
    pan.faults.set({ rateLimits: false });
    for (let i = 0; i < 5; i++) {
      expect((await api(pan, 'POST', '/api/v1/file/delete', { token, body: { fileIDs: [1] } })).code).toBe(
        5066,
      );
    }
  });
});

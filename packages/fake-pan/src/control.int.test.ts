import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from './index';
import { api, call, login } from './testing/api-call';

let pan: FakePan;
let token: string;

beforeAll(async () => {
  pan = await startFakePan({ faults: { rateLimits: false } });
  token = await login(pan);
});
afterAll(() => pan.close());

const userInfo = () => call(pan, 'GET', '/api/v1/user/info', { token });

describe('faults', () => {
  test('force401Next answers 401 the next N authenticated calls, then recovers', async () => {
    pan.faults.set({ force401Next: 2 });
    expect((await userInfo()).json?.code).toBe(401);
    expect((await userInfo()).json?.code).toBe(401);
    expect((await userInfo()).json?.code).toBe(0);
  });

  test('force429Next answers body code 429 with HTTP 200', async () => {
    pan.faults.set({ force429Next: 1 });
    const res = await userInfo();
    expect(res.status).toBe(200);
    expect(res.json?.code).toBe(429);
    expect((await userInfo()).json?.code).toBe(0);
  });

  test('rawHttpErrorNext answers the chosen HTTP status with a non-JSON body', async () => {
    for (const status of [429, 500, 502, 503, 504]) {
      pan.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: status });
      const res = await userInfo();
      expect(res.status).toBe(status);
      expect(res.json).toBeUndefined();
    }
    expect((await userInfo()).json?.code).toBe(0);
  });

  test('raw faults hit the token endpoint too, before any credential check', async () => {
    pan.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: 502 });
    expect((await call(pan, 'POST', '/api/v1/access_token', { body: {} })).status).toBe(502);
  });

  test('nonJsonNext answers HTTP 200 with a body that is not JSON', async () => {
    pan.faults.set({ nonJsonNext: 1 });
    const res = await userInfo();
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined();
    expect((await userInfo()).json?.code).toBe(0);
  });

  test('dropConnectionNext destroys the connection without an answer', async () => {
    pan.faults.set({ dropConnectionNext: 1 });
    await expect(userInfo()).rejects.toThrow();
    expect((await userInfo()).json?.code).toBe(0);
  });

  test('responseDelayMs holds every answer at least that long', async () => {
    pan.faults.set({ responseDelayMs: 150 });
    try {
      const started = performance.now();
      expect((await userInfo()).json?.code).toBe(0);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      pan.faults.set({ responseDelayMs: 0 });
    }
  });
});

describe('control endpoint', () => {
  test('GET/POST faults reads and merges a partial; reset-faults restores the start values', async () => {
    const merged = await api<Record<string, unknown>>(pan, 'POST', '/__fake/faults', {
      body: { force429Next: 3, searchLagMs: 5 },
    });
    expect(merged.data).toMatchObject({ force429Next: 3, searchLagMs: 5, rateLimits: false });
    expect((await api<Record<string, unknown>>(pan, 'GET', '/__fake/faults')).data).toMatchObject({
      force429Next: 3,
    });
    const reset = await api<Record<string, unknown>>(pan, 'POST', '/__fake/reset-faults');
    expect(reset.data).toMatchObject({ force429Next: 0, searchLagMs: 0, rateLimits: false });
    expect(pan.faults.get().force429Next).toBe(0);
  });

  test('unknown keys or wrong types are refused and change nothing', async () => {
    expect((await api(pan, 'POST', '/__fake/faults', { body: { nope: 1 } })).code).not.toBe(0);
    expect((await api(pan, 'POST', '/__fake/faults', { body: { force401Next: 'x' } })).code).not.toBe(0);
    expect(pan.faults.get().force401Next).toBe(0);
  });

  test('GET/POST switches', async () => {
    const env = await api<Record<string, unknown>>(pan, 'POST', '/__fake/switches', {
      body: { infosListKey: 'list' },
    });
    expect(env.data).toMatchObject({ infosListKey: 'list', requirePlatformHeader: true });
    expect(pan.switches.get().infosListKey).toBe('list');
    await api(pan, 'POST', '/__fake/switches', { body: { infosListKey: 'both' } });
    expect((await api<Record<string, unknown>>(pan, 'GET', '/__fake/switches')).data).toMatchObject({
      infosListKey: 'both',
    });
  });

  test('POST /__fake/user switches VIP on and off', async () => {
    expect((await api(pan, 'POST', '/__fake/user', { body: { vip: true } })).data).toMatchObject({
      vip: true,
    });
    expect((await api<{ vip: boolean }>(pan, 'GET', '/api/v1/user/info', { token })).data.vip).toBe(true);
    expect((await api(pan, 'POST', '/__fake/user', { body: { vip: 'yes' } })).code).toBe(1);
    await api(pan, 'POST', '/__fake/user', { body: { vip: false } });
    expect((await api<{ vip: boolean }>(pan, 'GET', '/api/v1/user/info', { token })).data.vip).toBe(false);
  });

  test('control calls ignore faults and need no token or Platform header', async () => {
    pan.faults.set({ rawHttpErrorNext: 1, force429Next: 1 });
    const res = await call(pan, 'GET', '/__fake/state', { headers: { Platform: '' } });
    expect(res.json?.code).toBe(0);
    expect(res.json?.data).toMatchObject({
      files: 0,
      folders: 0,
      liveTokens: 1,
      urls: { baseUrl: pan.baseUrl },
    });
    pan.faults.reset();
  });
});

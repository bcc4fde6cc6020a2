import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, call, login } from '../testing/api-call';

let pan: FakePan;
let token: string;

beforeAll(async () => {
  pan = await startFakePan();
  token = await login(pan);
});
afterAll(() => pan.close());

describe('envelope and checks', () => {
  test('success has code 0, message ok, data and a kong-style trace id', async () => {
    const res = await call(pan, 'GET', '/api/v1/user/info', { token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ code: 0, message: 'ok' });
    expect(res.json?.['x-traceID']).toMatch(/^[0-9a-f-]{36}_kong-db-/);
    expect(Object.keys(res.json ?? {}).sort()).toEqual(['code', 'data', 'message', 'x-traceID']);
  });

  test('missing Platform header answers a non-zero code with HTTP 200 (switchable)', async () => {
    const res = await call(pan, 'GET', '/api/v1/user/info', { token, headers: { Platform: '' } });
    expect(res.status).toBe(200);
    expect(res.json?.code).not.toBe(0);
    expect(res.json?.data).toBeNull();
    pan.switches.set({ requirePlatformHeader: false });
    try {
      expect((await api(pan, 'GET', '/api/v1/user/info', { token, headers: { Platform: '' } })).code).toBe(0);
    } finally {
      pan.switches.set({ requirePlatformHeader: true });
    }
  });

  test('missing, malformed or unknown Authorization is body code 401 with HTTP 200', async () => {
    for (const authorization of ['', token, `Bearer  ${token}`, 'Bearer nope', `bearer ${token}`]) {
      const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};
      const res = await call(pan, 'GET', '/api/v1/user/info', { headers });
      expect(res.status).toBe(200);
      expect(res.json?.code).toBe(401);
    }
  });

  test('header names are case-insensitive', async () => {
    const res = await call(pan, 'GET', '/api/v1/user/info', {
      headers: { platform: 'open_platform', authorization: `Bearer ${token}` },
    });
    expect(res.json?.code).toBe(0);
  });

  test('unknown paths are HTTP 404', async () => {
    expect((await call(pan, 'GET', '/api/v9/nothing', { token })).status).toBe(404);
  });
});

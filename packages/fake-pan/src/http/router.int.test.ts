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

  test('the upload host applies the same header and token checks', async () => {
    const res = await call(pan, 'POST', '/upload/v2/file/slice', { host: pan.uploadUrl, body: {} });
    expect(res.status).toBe(200);
    expect(res.json?.code).toBe(401);
  });

  test('a body that is not a JSON object answers code 1', async () => {
    for (const body of ['[1,2]', '{oops', '"text"']) {
      const res = await fetch(`${pan.baseUrl}/api/v1/file/trash`, {
        method: 'POST',
        headers: {
          Platform: 'open_platform',
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body,
      });
      expect(((await res.json()) as { code: number }).code).toBe(1);
    }
  });

  test('form-encoded bodies are read too', async () => {
    const res = await fetch(`${pan.baseUrl}/upload/v1/file/mkdir`, {
      method: 'POST',
      headers: {
        Platform: 'open_platform',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'name=formed&parentID=0',
    });
    expect(((await res.json()) as { code: number }).code).toBe(0);
  });

  test('unknown paths are HTTP 404', async () => {
    expect((await call(pan, 'GET', '/api/v9/nothing', { token })).status).toBe(404);
  });
});

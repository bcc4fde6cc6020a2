import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTROL_HEADER, startFakePan, type FakePan } from './index';
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

/** A raw HTTP call, so the test sets `Host` itself (fetch would not send a foreign one). */
function rawCall(
  target: FakePan,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(target.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: { Host: url.host, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('control endpoint guard', () => {
  const attack = '{"force429Next":7}';

  test('the attack from a foreign page is refused: foreign Host and Origin, text/plain body, no token', async () => {
    const res = await rawCall(
      pan,
      'POST',
      '/__fake/faults',
      { Host: 'evil.example', Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
      attack,
    );
    expect(res.status).toBe(403);
    expect(pan.faults.get().force429Next).toBe(0);
  });

  test('a foreign Host is refused even with the token (DNS rebinding)', async () => {
    const port = new URL(pan.baseUrl).port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', `10.0.0.1:${port}`]) {
      const res = await rawCall(
        pan,
        'POST',
        '/__fake/faults',
        { Host: host, [CONTROL_HEADER]: pan.controlToken },
        attack,
      );
      expect(res.status, host).toBe(403);
    }
    expect(pan.faults.get().force429Next).toBe(0);
  });

  test('a foreign Origin is refused even with the token and a loopback Host', async () => {
    const port = new URL(pan.baseUrl).port;
    for (const origin of ['http://evil.example', `http://127.0.0.1:${Number(port) + 1}`, 'null']) {
      const res = await rawCall(pan, 'GET', '/__fake/state', {
        Origin: origin,
        [CONTROL_HEADER]: pan.controlToken,
      });
      expect(res.status, origin).toBe(403);
      expect(res.text).not.toContain('liveTokens');
    }
  });

  test('a missing or wrong token is refused; the right one on a loopback name is obeyed', async () => {
    expect((await rawCall(pan, 'GET', '/__fake/state', {})).status).toBe(403);
    expect((await rawCall(pan, 'GET', '/__fake/state', { [CONTROL_HEADER]: 'guess' })).status).toBe(403);
    const port = new URL(pan.baseUrl).port;
    const good = await rawCall(pan, 'GET', '/__fake/state', {
      Host: `localhost:${port}`,
      Origin: `http://localhost:${port}`,
      [CONTROL_HEADER]: pan.controlToken,
    });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.text)).toMatchObject({ code: 0, data: { urls: { baseUrl: pan.baseUrl } } });
  });

  test('every start has its own token', async () => {
    const other = await startFakePan();
    try {
      expect(other.controlToken).not.toBe(pan.controlToken);
      expect(other.controlToken.length).toBeGreaterThanOrEqual(32);
      const res = await rawCall(other, 'GET', '/__fake/state', { [CONTROL_HEADER]: pan.controlToken });
      expect(res.status).toBe(403);
    } finally {
      await other.close();
    }
  });

  test('with controlRoutes: false there is no control endpoint at all, the API still works', async () => {
    const closed = await startFakePan({ controlRoutes: false, faults: { rateLimits: false } });
    try {
      for (const [method, path] of [
        ['POST', '/__fake/faults'],
        ['GET', '/__fake/state'],
        ['POST', '/__fake/tokens/expire'],
        ['POST', '/__fake/direct-link'],
      ] as const) {
        const body = method === 'POST' ? attack : undefined;
        const res = await rawCall(closed, method, path, { [CONTROL_HEADER]: closed.controlToken }, body);
        expect(res.status, path).toBe(404);
      }
      expect(closed.faults.get().force429Next).toBe(0);
      expect(await login(closed)).toEqual(expect.any(String));
    } finally {
      await closed.close();
    }
  });
});

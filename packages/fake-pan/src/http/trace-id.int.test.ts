/**
 * §12 "Trace id on every response": every answer of the API and upload listeners carries an
 * `x-traceID` header, and enveloped bodies repeat it in their `x-traceID` field, errors
 * (401, 429, code 1, 5066) included. Raw gateway errors, non-JSON bodies and the flat OAuth
 * answer have no envelope, so the header is their only trace id.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { call, login, type CallResult } from '../testing/api-call';

let pan: FakePan;
let token: string;

beforeAll(async () => {
  pan = await startFakePan();
  token = await login(pan);
});
afterAll(() => pan.close());

const TRACE = /^[0-9a-f-]{36}_kong-db-/;

function expectTraced(res: CallResult<unknown>, enveloped: boolean): void {
  const header = res.headers.get('x-traceid');
  expect(header).toMatch(TRACE);
  if (enveloped) expect(res.json?.['x-traceID']).toBe(header);
}

describe('x-traceID on every answer', () => {
  test('success, 401, 429, code 1 and 5066 envelopes carry the same id in body and header', async () => {
    expectTraced(await call(pan, 'GET', '/api/v1/user/info', { token }), true);
    const unauthorized = await call(pan, 'GET', '/api/v1/user/info', {});
    expect(unauthorized.json?.code).toBe(401);
    expectTraced(unauthorized, true);
    pan.faults.set({ force429Next: 1 });
    const limited = await call(pan, 'GET', '/api/v1/user/info', { token });
    expect(limited.json?.code).toBe(429);
    expectTraced(limited, true);
    const bad = await call(pan, 'POST', '/upload/v1/file/mkdir', {
      token,
      body: { parentID: 0, name: 'a/b' },
    });
    expect(bad.json?.code).toBe(1);
    expectTraced(bad, true);
    const missing = await call(pan, 'GET', '/api/v1/file/detail', { token, query: { fileID: 999 } });
    expect(missing.json?.code).toBe(5066);
    expectTraced(missing, true);
  });

  test('each answer gets its own id', async () => {
    const a = await call(pan, 'GET', '/api/v1/user/info', { token });
    const b = await call(pan, 'GET', '/api/v1/user/info', { token });
    expect(a.headers.get('x-traceid')).not.toBe(b.headers.get('x-traceid'));
  });

  test('raw HTTP errors and non-JSON bodies carry the header', async () => {
    pan.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: 429 });
    const raw = await call(pan, 'GET', '/api/v1/user/info', { token });
    expect(raw.status).toBe(429);
    expect(raw.json).toBeUndefined();
    expectTraced(raw, false);
    pan.faults.set({ nonJsonNext: 1 });
    const nonJson = await call(pan, 'GET', '/api/v1/user/info', { token });
    expect(nonJson.json).toBeUndefined();
    expectTraced(nonJson, false);
  });

  test('the flat OAuth answer keeps its documented body and has the header', async () => {
    const code = pan.oauth.issueCode();
    const res = await call(pan, 'POST', '/api/v1/oauth2/access_token', {
      query: {
        client_id: pan.oauth.clientId,
        client_secret: pan.oauth.clientSecret,
        grant_type: 'authorization_code',
        code,
        redirect_uri: pan.oauth.redirectUri,
      },
    });
    expect(Object.keys(res.json ?? {}).sort()).toEqual([
      'access_token',
      'expires_in',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expectTraced(res, false);
  });

  test('unknown paths and the upload host are traced too', async () => {
    const unknown = await call(pan, 'GET', '/api/v1/nope', { token });
    expect(unknown.status).toBe(404);
    expectTraced(unknown, true);
    const upload = await call(pan, 'POST', '/upload/v2/file/slice', { host: pan.uploadUrl, body: {} });
    expect(upload.json?.code).toBe(401);
    expectTraced(upload, true);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, call, login } from '../testing/api-call';
import { createManualClock } from '@pandesk/contract/testing';

const clock = createManualClock({ start: Date.UTC(2025, 5, 1, 4, 0, 0) });
let pan: FakePan;

beforeAll(async () => {
  pan = await startFakePan({ clock, faults: { rateLimits: false } });
});
afterAll(() => pan.close());

const userInfo = (token: string) => api(pan, 'GET', '/api/v1/user/info', { token });

describe('developer token (access_token)', () => {
  test('good credentials give a token and a +08:00 expiredAt 30 days ahead', async () => {
    const env = await api<{ accessToken: string; expiredAt: string }>(pan, 'POST', '/api/v1/access_token', {
      body: { clientID: pan.clientId, clientSecret: pan.clientSecret },
    });
    expect(env.code).toBe(0);
    expect(env.data.accessToken).toMatch(/^eyJ/);
    expect(env.data.expiredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(new Date(env.data.expiredAt).getTime()).toBe(
      clock.now() - (clock.now() % 1000) + 30 * 24 * 3600 * 1000,
    );
  });

  test('bad credentials answer a non-zero code, HTTP 200, and no secret in the message', async () => {
    const res = await call(pan, 'POST', '/api/v1/access_token', {
      body: { clientID: pan.clientId, clientSecret: 'wrong' },
    });
    expect(res.status).toBe(200);
    expect(res.json?.code).not.toBe(0);
    expect(res.json?.data).toBeNull();
    expect(res.text).not.toContain(pan.clientSecret);
  });

  test('body keys match case-insensitively', async () => {
    const env = await api(pan, 'POST', '/api/v1/access_token', {
      body: { clientid: pan.clientId, CLIENTSECRET: pan.clientSecret },
    });
    expect(env.code).toBe(0);
  });

  test('each call mints a new token; a 4th evicts the oldest, which then gets 401', async () => {
    const tokens = [await login(pan), await login(pan), await login(pan)];
    expect(new Set(tokens).size).toBe(3);
    for (const t of tokens) expect((await userInfo(t)).code).toBe(0);
    const fourth = await login(pan);
    expect(await userInfo(tokens[0] as string)).toMatchObject({
      code: 401,
      message: 'tokens number has exceeded the limit',
    });
    for (const t of [tokens[1], tokens[2], fourth]) expect((await userInfo(t as string)).code).toBe(0);
  });

  test('a token expires at its lifetime', async () => {
    pan.faults.set({ tokenLifetimeSec: 60 });
    try {
      const token = await login(pan);
      await clock.advance(59_000);
      expect((await userInfo(token)).code).toBe(0);
      await clock.advance(1_000);
      expect((await userInfo(token)).code).toBe(401);
    } finally {
      pan.faults.reset();
    }
  });

  test('FakePan.tokens.issue mints a working developer token without HTTP', async () => {
    expect((await userInfo(pan.tokens.issue())).code).toBe(0);
  });

  test('force-expire one token or all through the control endpoint', async () => {
    const a = await login(pan);
    const b = await login(pan);
    const one = await api<{ expired: number }>(pan, 'POST', '/__fake/tokens/expire', { body: { token: a } });
    expect(one.data.expired).toBe(1);
    expect((await userInfo(a)).code).toBe(401);
    expect((await userInfo(b)).code).toBe(0);
    await api(pan, 'POST', '/__fake/tokens/expire');
    expect((await userInfo(b)).code).toBe(401);
    expect(pan.tokens.expire()).toBe(0);
  });
});

describe('OAuth (oauth2/access_token)', () => {
  const exchange = (query: Record<string, string>) =>
    call<unknown>(pan, 'POST', '/api/v1/oauth2/access_token', {
      query: { client_id: pan.oauth.clientId, client_secret: pan.oauth.clientSecret, ...query },
    });

  async function authorize() {
    const code = pan.oauth.issueCode();
    const res = await exchange({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pan.oauth.redirectUri,
    });
    return res.json as unknown as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
      token_type: string;
      scope: string;
    };
  }

  test('a code exchange answers flat (no envelope) with expires_in in seconds', async () => {
    const grant = await authorize();
    expect(grant).toMatchObject({
      expires_in: 7200,
      token_type: 'Bearer',
      scope: 'user:base,file:all:read,file:all:write',
    });
    expect(grant).not.toHaveProperty('code');
    expect((await userInfo(grant.access_token)).code).toBe(0);
  });

  test('codes are single-use, tied to the redirect uri, and issued over the control endpoint too', async () => {
    const code = pan.oauth.issueCode();
    const wrongUri = await exchange({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://127.0.0.1/other',
    });
    expect(wrongUri.json?.code).not.toBe(0);
    const issued = await api<{ code: string }>(pan, 'POST', '/__fake/oauth/code');
    const first = await exchange({
      grant_type: 'authorization_code',
      code: issued.data.code,
      redirect_uri: pan.oauth.redirectUri,
    });
    expect(first.json).toHaveProperty('access_token');
    const again = await exchange({
      grant_type: 'authorization_code',
      code: issued.data.code,
      redirect_uri: pan.oauth.redirectUri,
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ data: null });
    expect(again.json?.code).not.toBe(0);
  });

  test('refresh rotates: new pair works, old refresh token refused, old access token dead at once', async () => {
    const first = await authorize();
    const refreshed = (await exchange({ grant_type: 'refresh_token', refresh_token: first.refresh_token }))
      .json as unknown as {
      access_token: string;
      refresh_token: string;
    };
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect((await userInfo(first.access_token)).code).toBe(401);
    expect((await userInfo(refreshed.access_token)).code).toBe(0);
    const reuse = await exchange({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reuse.json?.code).not.toBe(0);
  });

  test('OAuth access tokens expire after expires_in; refresh tokens after 90 days', async () => {
    const grant = await authorize();
    await clock.advance(7200 * 1000);
    expect((await userInfo(grant.access_token)).code).toBe(401);
    await clock.advance(90 * 24 * 3600 * 1000);
    const late = await exchange({ grant_type: 'refresh_token', refresh_token: grant.refresh_token });
    expect(late.json?.code).not.toBe(0);
  });

  test('wrong client secret or grant type answer an envelope error', async () => {
    const bad = await call(pan, 'POST', '/api/v1/oauth2/access_token', {
      query: {
        client_id: pan.oauth.clientId,
        client_secret: 'nope',
        grant_type: 'refresh_token',
        refresh_token: 'x',
      },
    });
    expect(bad.json?.code).not.toBe(0);
    expect(bad.json).toHaveProperty('x-traceID');
    expect((await exchange({ grant_type: 'password' })).json?.code).not.toBe(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL_HEADER } from '@pandesk/fake-pan';
import { createMemoryTokenStore, type AuthStatus } from './auth/types';
import { createPanClient } from './client';
import { startPair, type Pair } from './testing/fake-pan-pair';

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.fake.close();
  pair = undefined;
});

const liveTokens = async (p: Pair): Promise<number> => {
  const res = await fetch(`${p.fake.baseUrl}/__fake/state`, {
    headers: { [CONTROL_HEADER]: p.fake.controlToken },
  });
  return ((await res.json()) as { data: { liveTokens: number } }).data.liveTokens;
};

/** Mint a developer token behind the client's back (another app instance, another machine). */
const mintElsewhere = async (p: Pair): Promise<void> => {
  const res = await fetch(`${p.fake.baseUrl}/api/v1/access_token`, {
    method: 'POST',
    headers: { Platform: 'open_platform', 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientID: p.fake.clientId, clientSecret: p.fake.clientSecret }),
  });
  expect(((await res.json()) as { code: number }).code).toBe(0);
};

describe('tokens against fake-pan', () => {
  it('persists the token and reuses it after a restart without minting', async () => {
    pair = await startPair();
    await pair.client.user.info();
    expect(await liveTokens(pair)).toBe(1);
    const saved = pair.store.current();
    expect(saved?.key).toBe(`client:${pair.fake.clientId}`);
    const restarted = pair.another();
    await restarted.user.info();
    await restarted.files.listAll(0);
    expect(await liveTokens(pair)).toBe(1);
    expect(pair.store.current()?.accessToken).toBe(saved?.accessToken);
  });

  it('survives token expiry in the middle of a long listing (one refresh)', async () => {
    pair = await startPair({ vip: true });
    for (let i = 0; i < 350; i++) pair.fake.state.addFolder(`/many/n${i}`);
    const folder = pair.fake.state.find('/many')!.id;
    const statuses: AuthStatus[] = [];
    pair.client.auth.onStatus((s) => statuses.push(s));
    const names: string[] = [];
    let pages = 0;
    for await (const page of pair.client.files.list(folder)) {
      names.push(...page.items.map((e) => e.name));
      if (++pages === 2) pair.fake.tokens.expire();
    }
    expect(names).toHaveLength(350);
    expect(new Set(names).size).toBe(350);
    expect(statuses.filter((s) => s.state === 'refreshing')).toHaveLength(2); // first mint + the one refresh
  });

  it('forced 401: one refresh and one retry; two in a row surface auth_required without going sticky', async () => {
    pair = await startPair();
    await pair.client.user.info();
    const before = pair.store.current()?.accessToken;
    pair.fake.faults.set({ force401Next: 1 });
    await pair.client.files.listAll(0);
    expect(pair.store.current()?.accessToken).not.toBe(before);
    pair.fake.faults.set({ force401Next: 2 });
    await expect(pair.client.files.listAll(0)).rejects.toMatchObject({ code: 'auth_required' });
    await pair.client.files.listAll(0);
    expect(pair.client.auth.status().state).toBe('valid');
  });

  it('recovers when three newer tokens evict ours', async () => {
    pair = await startPair();
    await pair.client.user.info();
    const ours = pair.store.current()?.accessToken;
    for (let i = 0; i < 3; i++) await mintElsewhere(pair);
    await pair.client.user.info();
    expect(pair.store.current()?.accessToken).not.toBe(ours);
    expect(await liveTokens(pair)).toBe(3);
  });

  it('reports auth_required after a refused mint and recovers on new credentials', async () => {
    pair = await startPair({}, { credentials: { kind: 'client', clientId: 'wrong', clientSecret: 'nope' } });
    const statuses: string[] = [];
    pair.client.auth.onStatus((s) => statuses.push(s.state));
    await expect(pair.client.user.info()).rejects.toMatchObject({ code: 'auth_required' });
    await expect(pair.client.files.listAll(0)).rejects.toMatchObject({ code: 'auth_required' });
    expect(statuses).toEqual(['refreshing', 'auth_required']);
    expect(JSON.stringify(pair.client.auth.status())).not.toContain('nope');
    pair.client.auth.setCredentials({
      kind: 'client',
      clientId: pair.fake.clientId,
      clientSecret: pair.fake.clientSecret,
    });
    expect((await pair.client.user.info()).uid).toBeGreaterThan(0);
    expect(pair.client.auth.status().state).toBe('valid');
  });

  it('OAuth: code exchange, rotation on refresh, rotated token saved, old one dead', async () => {
    pair = await startPair({ faults: { oauthTokenLifetimeSec: 7200 } });
    const { fake } = pair;
    const store = createMemoryTokenStore();
    const client = createPanClient({ baseUrl: fake.baseUrl, tokenStore: store });
    await client.auth.signInWithCode({
      clientId: fake.oauth.clientId,
      clientSecret: fake.oauth.clientSecret,
      code: fake.oauth.issueCode(),
      redirectUri: fake.oauth.redirectUri,
    });
    await client.user.info();
    const first = store.current()!;
    expect(first.key).toBe(`oauth:${fake.oauth.clientId}`);
    fake.tokens.expire();
    await client.user.info();
    const second = store.current()!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    // The spent refresh token no longer works.
    const res = await fetch(
      `${fake.baseUrl}/api/v1/oauth2/access_token?client_id=${fake.oauth.clientId}&client_secret=${fake.oauth.clientSecret}&grant_type=refresh_token&refresh_token=${encodeURIComponent(first.refreshToken!)}`,
      { method: 'POST', headers: { Platform: 'open_platform' } },
    );
    const refused = (await res.json()) as { code?: number; access_token?: string };
    expect(refused.access_token).toBeUndefined();
    expect(refused.code).not.toBe(0);
    // A restart continues the chain from the store.
    const restarted = createPanClient({
      baseUrl: fake.baseUrl,
      tokenStore: store,
      credentials: {
        kind: 'oauth',
        clientId: fake.oauth.clientId,
        clientSecret: fake.oauth.clientSecret,
        refreshToken: first.seedRefreshToken!,
      },
    });
    fake.tokens.expire();
    await restarted.user.info();
    expect(store.current()?.seedRefreshToken).toBe(first.seedRefreshToken);
    expect(store.current()?.refreshToken).not.toBe(second.refreshToken);
  });

  it('no OAuth secret reaches an error, a status or an attempt report (refused, 5xx, dropped)', async () => {
    pair = await startPair();
    const { fake } = pair;
    const refreshToken = 'RT-SHOULD-NEVER-SHOW-123';
    const seen: unknown[] = [];
    const make = () =>
      createPanClient({
        baseUrl: fake.baseUrl,
        credentials: {
          kind: 'oauth',
          clientId: fake.oauth.clientId,
          clientSecret: fake.oauth.clientSecret,
          refreshToken,
        },
        retry: { transportBaseMs: 10, maxTransport: 1 },
        onAttempt: (r) => seen.push(r),
      });
    const failures: unknown[] = [];
    for (const fault of [{}, { rawHttpErrorNext: 2, rawHttpErrorStatus: 503 }, { dropConnectionNext: 2 }]) {
      fake.faults.set(fault);
      const client = make();
      client.auth.onStatus((st) => seen.push(st));
      const error = await client.user.info().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      failures.push(error);
      fake.faults.reset();
    }
    const text =
      failures.map((e) => `${String(e)} ${JSON.stringify(e)} ${String((e as Error).cause)}`).join('\n') +
      JSON.stringify(seen);
    expect(text).toMatch(/auth_required|network|server/);
    for (const secret of [
      fake.oauth.clientSecret,
      refreshToken,
      encodeURIComponent(fake.oauth.clientSecret),
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('a pasted token works until the service rejects it', async () => {
    pair = await startPair();
    await pair.client.user.info();
    const token = pair.store.current()!.accessToken;
    const pasted = createPanClient({
      baseUrl: pair.fake.baseUrl,
      credentials: { kind: 'token', accessToken: token },
    });
    await pasted.user.info();
    pair.fake.tokens.expire(token);
    await expect(pasted.user.info()).rejects.toMatchObject({ code: 'auth_required' });
    expect(pasted.auth.status().state).toBe('auth_required');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { PanError } from '../errors';
import { createManualClock } from '@pandesk/contract/testing';
import { createTokenProvider } from './token-provider';
import {
  createMemoryTokenStore,
  type AuthStatus,
  type MintedToken,
  type StoredToken,
  type TokenMinter,
  type TokenStore,
} from './types';

const MIN = 60_000;
const client = { kind: 'client', clientId: 'cid', clientSecret: 'S3CR3T-VALUE' } as const;

function setup(
  opts: { stored?: StoredToken | null; store?: TokenStore; minter?: Partial<TokenMinter> } = {},
) {
  const clock = createManualClock({ auto: true });
  let n = 0;
  const minter: TokenMinter = {
    clientCredentials: vi.fn(async (): Promise<MintedToken> => ({
      accessToken: `tok-${++n}`,
      expiresAt: clock.now() + 30 * 24 * 60 * MIN,
    })),
    oauthRefresh: vi.fn(async (_id: string, _s: string | undefined, rt: string): Promise<MintedToken> => ({
      accessToken: `oat-${++n}`,
      refreshToken: `${rt}>r${n}`,
      expiresAt: clock.now() + 2 * 60 * MIN,
    })),
    ...opts.minter,
  };
  const store = opts.store ?? createMemoryTokenStore(opts.stored ?? null);
  const statuses: AuthStatus[] = [];
  const provider = createTokenProvider({ clock, store, minter, credentials: client });
  provider.onStatus((s) => statuses.push(s));
  return { clock, minter, store, provider, statuses };
}

describe('token provider', () => {
  it('reuses a persisted token minted by the same client id, without minting', async () => {
    const { provider, clock, minter } = setup({
      stored: { key: 'client:cid', accessToken: 'saved', expiresAt: Date.UTC(2026, 0, 20) },
    });
    expect(clock.now()).toBeLessThan(Date.UTC(2026, 0, 20));
    expect(await provider.getToken()).toBe('saved');
    expect(await provider.getToken()).toBe('saved');
    expect(minter.clientCredentials).not.toHaveBeenCalled();
  });

  it('ignores a persisted token of another client id', async () => {
    const { provider, minter } = setup({
      stored: { key: 'client:other', accessToken: 'saved', expiresAt: Date.UTC(2026, 0, 20) },
    });
    expect(await provider.getToken()).toBe('tok-1');
    expect(minter.clientCredentials).toHaveBeenCalledTimes(1);
  });

  it('refreshes 5 minutes before expiry, not earlier', async () => {
    const clock0 = Date.UTC(2026, 0, 1);
    const { provider, clock, minter } = setup({
      stored: { key: 'client:cid', accessToken: 'saved', expiresAt: clock0 + 6 * MIN },
    });
    expect(await provider.getToken()).toBe('saved');
    await clock.advance(60_000 + 1);
    expect(await provider.getToken()).toBe('tok-1');
    expect(minter.clientCredentials).toHaveBeenCalledTimes(1);
  });

  it('does not refresh on every call when a token lives shorter than the margin', async () => {
    const { provider, clock, minter } = setup({
      minter: {
        clientCredentials: vi.fn(async () => ({
          accessToken: `short-${clock.now()}`,
          expiresAt: clock.now() + 4 * MIN,
        })),
      },
    });
    const first = await provider.getToken();
    await clock.advance(1 * MIN);
    expect(await provider.getToken()).toBe(first);
    await clock.advance(1 * MIN + 1);
    expect(await provider.getToken()).not.toBe(first);
    expect(minter.clientCredentials).toHaveBeenCalledTimes(2);
  });

  it('shares one refresh among concurrent callers', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const { provider, minter, clock } = setup({
      minter: {
        clientCredentials: vi.fn(async () => {
          await gate;
          return { accessToken: 'shared', expiresAt: clock.now() + 60 * MIN };
        }),
      },
    });
    const all = Promise.all(Array.from({ length: 10 }, () => provider.getToken()));
    await new Promise((r) => setImmediate(r));
    finish();
    expect(await all).toEqual(Array(10).fill('shared'));
    expect(minter.clientCredentials).toHaveBeenCalledTimes(1);
  });

  it('refreshes once after invalidate, and ignores stale reports for an older token', async () => {
    const { provider, minter } = setup();
    const first = await provider.getToken();
    provider.invalidate(first);
    provider.invalidate(first);
    expect(await provider.getToken()).toBe('tok-2');
    provider.invalidate(first); // a late 401 for the old token must not mint again
    expect(await provider.getToken()).toBe('tok-2');
    expect(minter.clientCredentials).toHaveBeenCalledTimes(2);
  });

  it('saves a rotated refresh token before handing out the new access token', async () => {
    const order: string[] = [];
    const inner = createMemoryTokenStore();
    const store: TokenStore = {
      load: inner.load,
      save: async (t) => {
        order.push(`save:${t?.refreshToken}`);
        await inner.save(t);
      },
    };
    const { provider, clock } = setup({ store });
    provider.setCredentials({ kind: 'oauth', clientId: 'app', clientSecret: 's', refreshToken: 'rt0' });
    const token = await provider.getToken();
    order.push(`use:${token}`);
    expect(order).toEqual(['save:rt0>r1', 'use:oat-1']);
    expect(inner.current()).toMatchObject({
      key: 'oauth:app',
      refreshToken: 'rt0>r1',
      seedRefreshToken: 'rt0',
    });
    // The next refresh continues the chain with the rotated token, not the configured one.
    await clock.advance(2 * 60 * MIN);
    await provider.getToken();
    expect(inner.current()?.refreshToken).toBe('rt0>r1>r2');
  });

  it('continues a rotation chain across restarts, but starts over when the user enters a new refresh token', async () => {
    const stored: StoredToken = {
      key: 'oauth:app',
      accessToken: 'old',
      expiresAt: 0,
      refreshToken: 'rt0>r7',
      seedRefreshToken: 'rt0',
    };
    const a = setup({ stored });
    a.provider.setCredentials({ kind: 'oauth', clientId: 'app', refreshToken: 'rt0' });
    await a.provider.getToken();
    expect(a.minter.oauthRefresh).toHaveBeenCalledWith('app', undefined, 'rt0>r7', undefined);
    const b = setup({ stored });
    b.provider.setCredentials({ kind: 'oauth', clientId: 'app', refreshToken: 'fresh' });
    await b.provider.getToken();
    expect(b.minter.oauthRefresh).toHaveBeenCalledWith('app', undefined, 'fresh', undefined);
  });

  it('reports auth_required after a refused refresh, without retrying, until credentials change', async () => {
    const refuse = vi.fn(async (): Promise<MintedToken> => {
      throw new PanError('service', 'bad client secret', { serviceCode: 1 });
    });
    const { provider, statuses, minter } = setup({ minter: { clientCredentials: refuse } });
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'auth_required' });
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'auth_required' });
    expect(refuse).toHaveBeenCalledTimes(1);
    expect(provider.status().state).toBe('auth_required');
    expect(statuses.map((s) => s.state)).toEqual(['refreshing', 'auth_required']);
    expect(JSON.stringify(statuses)).not.toContain('S3CR3T');
    // Recovery: new credentials clear the sticky state.
    (minter.clientCredentials as ReturnType<typeof vi.fn>).mockImplementation(async () => ({
      accessToken: 'good',
      expiresAt: Date.UTC(2027, 0, 1),
    }));
    provider.setCredentials({ kind: 'client', clientId: 'cid', clientSecret: 'right' });
    expect(await provider.getToken()).toBe('good');
    expect(provider.status()).toMatchObject({ state: 'valid', source: 'client' });
  });

  it('serves callers with the new credentials when they change during a refresh', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const store = createMemoryTokenStore();
    const { provider } = setup({
      store,
      minter: {
        clientCredentials: vi.fn(async (id: string) => {
          if (id === 'cid') await gate;
          return { accessToken: `for-${id}`, expiresAt: Date.UTC(2027, 0, 1) };
        }),
      },
    });
    const waiting = provider.getToken();
    await new Promise((r) => setImmediate(r));
    provider.setCredentials({ kind: 'client', clientId: 'new', clientSecret: 'x' });
    release();
    expect(await waiting).toBe('for-new');
    expect(store.current()?.accessToken).toBe('for-new');
    expect(provider.status().state).toBe('valid');
  });

  it('answers an already aborted caller without starting a refresh nobody would wait for', async () => {
    const refuse = vi.fn(async (): Promise<MintedToken> => {
      throw new PanError('network', 'down');
    });
    const { provider } = setup({ minter: { clientCredentials: refuse } });
    const abort = new AbortController();
    abort.abort();
    await expect(provider.getToken(abort.signal)).rejects.toMatchObject({ code: 'aborted' });
    // A refresh started here would reject with no one listening (an unhandled rejection).
    expect(refuse).not.toHaveBeenCalled();
  });

  it('does not go sticky on a transient refresh failure', async () => {
    let calls = 0;
    const flaky = vi.fn(async (): Promise<MintedToken> => {
      if (++calls === 1) throw new PanError('network', 'reset');
      return { accessToken: 'later', expiresAt: Date.UTC(2027, 0, 1) };
    });
    const { provider } = setup({ minter: { clientCredentials: flaky } });
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'network' });
    expect(await provider.getToken()).toBe('later');
  });

  it('uses a pasted token until it is rejected or expires, then asks for sign-in', async () => {
    const { provider, minter, clock } = setup();
    provider.setCredentials({ kind: 'token', accessToken: 'pasted', expiresAt: Date.UTC(2026, 0, 2) });
    expect(await provider.getToken()).toBe('pasted');
    provider.invalidate('pasted');
    await expect(provider.getToken()).rejects.toMatchObject({
      code: 'auth_required',
      message: 'access token rejected by the service',
    });
    provider.setCredentials({ kind: 'token', accessToken: 'pasted2', expiresAt: Date.UTC(2026, 0, 2) });
    expect(await provider.getToken()).toBe('pasted2');
    await clock.advance(24 * 60 * MIN);
    await expect(provider.getToken()).rejects.toMatchObject({
      code: 'auth_required',
      message: 'access token expired',
    });
    expect(minter.clientCredentials).not.toHaveBeenCalled();
  });

  it('asks for sign-in when nothing is configured', async () => {
    const { provider } = setup();
    provider.setCredentials({ kind: 'none' });
    expect(provider.status().state).toBe('signed_out');
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'auth_required' });
  });

  it('keeps working in memory when the store cannot save, and says so', async () => {
    const store: TokenStore = {
      load: async () => null,
      save: async () => {
        throw new Error('disk full');
      },
    };
    const { provider } = setup({ store });
    expect(await provider.getToken()).toBe('tok-1');
    expect(provider.status()).toMatchObject({ state: 'valid', persistFailed: true });
  });
});

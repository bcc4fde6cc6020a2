import { describe, expect, it, vi } from 'vitest';
import { PanError } from '../errors';
import { envelope, never, raw } from '../testing/fake-fetch';
import { harness } from '../testing/harness';

const LIST = '/api/v2/file/list';
const emptyList = () => envelope({ lastFileId: -1, fileList: [] });
const user = { uid: 7, nickname: 'n', spaceUsed: 1, spacePermanent: 10, spaceTemp: 0, vipInfo: null };

describe('http pipeline', () => {
  it('sends Platform and Bearer headers, and JSON content type', async () => {
    const h = harness({ '/api/v1/user/info': () => envelope(user) });
    await h.client.user.info();
    const [call] = h.callsTo('/api/v1/user/info');
    expect(call?.headers).toMatchObject({
      platform: 'open_platform',
      authorization: 'Bearer tok-1',
      'content-type': 'application/json',
    });
    const [mint] = h.callsTo('/api/v1/access_token');
    expect(mint?.headers.authorization).toBeUndefined();
    expect(mint?.json).toEqual({ clientID: 'cid', clientSecret: 'S3CR3T-VALUE' });
  });

  it('on a body 401 refreshes once and retries once', async () => {
    const h = harness({
      [LIST]: (c) =>
        c.headers.authorization === 'Bearer tok-1' ? envelope(null, 401, 'access_token无效') : emptyList(),
    });
    await h.client.files.listAll(0);
    expect(h.minted()).toBe(2);
    expect(h.callsTo(LIST).map((c) => c.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('surfaces auth_required when the fresh token is rejected too (no loop)', async () => {
    const h = harness({ [LIST]: () => envelope(null, 401, 'access_token无效') });
    const error = await h.client.files.listAll(0).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth_required', serviceCode: 401 });
    expect(h.minted()).toBe(2);
    expect(h.callsTo(LIST)).toHaveLength(2);
  });

  it('concurrent 401s share one refresh', async () => {
    const h = harness({
      [LIST]: (c) => (c.headers.authorization === 'Bearer tok-1' ? envelope(null, 401) : emptyList()),
    });
    await h.client.auth.getAccessToken();
    await Promise.all(Array.from({ length: 5 }, () => h.client.files.listAll(0)));
    expect(h.minted()).toBe(2);
  });

  it('backs off on 429 bodies and HTTP 429, then succeeds', async () => {
    let n = 0;
    const h = harness({
      [LIST]: () => (++n === 1 ? envelope(null, 429, '请求太频繁') : n === 2 ? raw(429) : emptyList()),
    });
    const t0 = h.clock.now();
    await h.client.files.listAll(0);
    expect(n).toBe(3);
    // random() = 0: 500 ms then 1000 ms of backoff.
    expect(h.clock.now() - t0).toBeGreaterThanOrEqual(1500);
  });

  it('tells a waiting caller why and how long before each repeat', async () => {
    let n = 0;
    const h = harness({
      [LIST]: () => (++n === 1 ? envelope(null, 429, '请求太频繁') : n === 2 ? raw(503) : emptyList()),
    });
    const waits: unknown[] = [];
    await h.client.files.listAll(0, { onWait: (w) => waits.push(w) });
    expect(waits).toEqual([
      { reason: 'rate_limited', delayMs: 500 },
      { reason: 'service_unavailable', delayMs: 500 },
    ]);
  });

  it('gives up on a 429 storm with rate_limited after the budget', async () => {
    const h = harness({ [LIST]: () => envelope(null, 429) }, { retry: { maxRateLimited: 3 } });
    await expect(h.client.files.listAll(0)).rejects.toMatchObject({ code: 'rate_limited', serviceCode: 429 });
    expect(h.callsTo(LIST)).toHaveLength(4);
  });

  it('retries 5xx and non-JSON answers for reads', async () => {
    let n = 0;
    const h = harness({
      [LIST]: () =>
        ++n === 1 ? raw(503) : n === 2 ? new Response('<html>oops</html>', { status: 200 }) : emptyList(),
    });
    await h.client.files.listAll(0);
    expect(n).toBe(3);
  });

  it('does not repeat a mkdir whose outcome is unknown', async () => {
    const h = harness({ '/upload/v1/file/mkdir': () => raw(502) });
    await expect(h.client.files.mkdir(0, 'a')).rejects.toMatchObject({ code: 'server', httpStatus: 502 });
    expect(h.callsTo('/upload/v1/file/mkdir')).toHaveLength(1);
  });

  it('turns a network failure into a network error, retried for reads, without leaking secrets', async () => {
    let n = 0;
    const h = harness({
      [LIST]: () => {
        if (++n <= 2) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
        return emptyList();
      },
      '/api/v1/file/move': () => {
        throw new TypeError('fetch failed');
      },
    });
    await h.client.files.listAll(0);
    const error = (await h.client.files.move([1], 2).catch((e: unknown) => e)) as PanError;
    expect(error).toMatchObject({ code: 'network' });
    expect(JSON.stringify(error.toJSON()) + error.message).not.toMatch(/tok-|S3CR3T/);
  });

  it('times out on the injected clock', async () => {
    const h = harness({ [LIST]: () => never() }, { timeouts: { api: 5000 }, retry: { maxTransport: 0 } });
    const error = await h.client.files.listAll(0).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout' });
  });

  it('reports aborted when the caller aborts, and does not retry', async () => {
    const h = harness({ [LIST]: () => never() });
    const ctrl = new AbortController();
    const pending = h.client.files.listAll(0, { signal: ctrl.signal });
    setImmediate(() => ctrl.abort());
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(h.callsTo(LIST)).toHaveLength(1);
  });

  it('makes a malformed answer a bad_response naming the field, not its value', async () => {
    const h = harness({
      [LIST]: () => envelope({ lastFileId: -1, fileList: [{ fileId: 'secret-looking', filename: 3 }] }),
    });
    const error = (await h.client.files.listAll(0).catch((e: unknown) => e)) as PanError;
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('fileList.0');
    expect(error.message).not.toContain('secret-looking');
    expect(error.traceId).toBe('trace-1');
    expect(h.callsTo(LIST)).toHaveLength(1);
  });

  it('maps business codes and keeps service code and trace id', async () => {
    const h = harness({ '/api/v1/file/download_info': () => envelope(null, 5066, '文件不存在') });
    const error = await h.client.download.info(9).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PanError);
    expect(error).toMatchObject({
      code: 'not_found',
      serviceCode: 5066,
      traceId: 'trace-1',
      endpoint: 'download.info',
    });
  });

  it('reports every attempt without secrets', async () => {
    const reports: unknown[] = [];
    let n = 0;
    const h = harness(
      { [LIST]: () => (++n === 1 ? raw(503) : emptyList()) },
      { onAttempt: (r) => reports.push(r) },
    );
    await h.client.files.listAll(0);
    expect(reports).toEqual([
      { endpoint: 'auth.access_token', attempt: 1, ms: 0, outcome: 'ok' },
      {
        endpoint: 'file.list',
        attempt: 1,
        ms: 0,
        outcome: 'server',
        httpStatus: 503,
        serviceCode: undefined,
        action: 'retry',
        retryInMs: 250,
      },
      { endpoint: 'file.list', attempt: 2, ms: 0, outcome: 'ok' },
    ]);
    expect(JSON.stringify(reports)).not.toMatch(/tok-|S3CR3T|api\.test/);
  });

  it('writes nothing to the console, even while failing and retrying', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    try {
      let n = 0;
      const h = harness({ [LIST]: () => (++n === 1 ? raw(503) : envelope(null, 401)) });
      await h.client.files.listAll(0).catch(() => undefined);
      await h.client.files.mkdir(0, 'x').catch(() => undefined);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('switches to the VIP rate table from user/info', async () => {
    const h = harness({
      '/api/v1/user/info': () => envelope({ ...user, vipInfo: [{ vipLevel: 1, vipLabel: 'VIP' }] }),
    });
    expect(h.client.rates.tier()).toBe('free');
    const u = await h.client.user.info();
    expect(u.vip).toBe(true);
    expect(h.client.rates.tier()).toBe('vip');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import { startFakePan, type FakePan } from '../index';
import { api, call, login } from '../testing/api-call';

let pan: FakePan | undefined;
afterEach(async () => {
  await pan?.close();
  pan = undefined;
});

/** One call of each new endpoint, as a request that would succeed. */
async function requests(p: FakePan, token: string) {
  const file = await p.state.addFile('/pub/a.txt', 'a');
  const pub = p.state.find('/pub')!;
  return [
    [
      'POST',
      '/api/v1/share/create',
      { body: { shareName: 's', shareExpire: 0, fileIDList: String(file.id) } },
    ],
    ['GET', '/api/v1/share/list', { query: { limit: 10 } }],
    ['POST', '/api/v1/direct-link/enable', { body: { fileID: pub.id } }],
    ['GET', '/api/v1/direct-link/url', { query: { fileID: file.id } }],
    ['POST', '/api/v1/direct-link/cache/refresh', {}],
    ['POST', '/api/v1/direct-link/disable', { body: { fileID: pub.id } }],
    ['POST', '/api/v1/file/copy', { body: { fileId: file.id, targetDirId: 0 } }],
    ['POST', '/api/v1/file/async/copy', { body: { fileIDs: [file.id], targetDirId: pub.id } }],
    ['GET', '/api/v1/file/async/copy/process', { query: { taskId: 2000 } }],
    ['POST', '/api/v1/offline/download', { body: { url: 'http://127.0.0.1:9/x', dirID: pub.id } }],
    ['GET', '/api/v1/offline/download/process', { query: { taskID: 100000 } }],
  ].map(([method, path, extra]) => ({
    method: method as string,
    path: path as string,
    options: { token, ...(extra as object) },
  }));
}

describe('the router checks apply to the new endpoints', () => {
  it('no token → 401; force401/force429 → body codes; raw HTTP errors; non-JSON; dropped connection; then success', async () => {
    pan = await startFakePan({ vip: true, faults: { rateLimits: false } });
    const token = await login(pan);
    for (const r of await requests(pan, token)) {
      expect((await api(pan, r.method, r.path, { ...r.options, token: undefined })).code, r.path).toBe(401);
      pan.faults.set({ force401Next: 1 });
      expect((await api(pan, r.method, r.path, r.options)).code, r.path).toBe(401);
      pan.faults.set({ force429Next: 1 });
      expect((await api(pan, r.method, r.path, r.options)).code, r.path).toBe(429);
      pan.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: 502 });
      const raw = await call(pan, r.method, r.path, r.options);
      expect([raw.status, raw.json], r.path).toEqual([502, undefined]);
      pan.faults.set({ nonJsonNext: 1 });
      expect((await call(pan, r.method, r.path, r.options)).json, r.path).toBeUndefined();
      pan.faults.set({ dropConnectionNext: 1 });
      await expect(call(pan, r.method, r.path, r.options), r.path).rejects.toThrow();
      expect((await api(pan, r.method, r.path, r.options)).code, r.path).toBe(0);
    }
    await pan.cloud.idle();
  });

  it('a response delay holds the new endpoints too', async () => {
    pan = await startFakePan({ faults: { rateLimits: false } });
    const token = await login(pan);
    pan.faults.set({ responseDelayMs: 60_000 });
    const stop = new AbortController();
    const pending = fetch(`${pan.baseUrl}/api/v1/share/list`, {
      headers: { Platform: 'open_platform', Authorization: `Bearer ${token}` },
      signal: stop.signal,
    }).then(() => 'answered');
    const first = await Promise.race([pending, new Promise((r) => setTimeout(r, 300, 'still waiting'))]);
    expect(first).toBe('still waiting');
    stop.abort();
    await expect(pending).rejects.toThrow();
  });

  it('rate limits: offline download 1/s, process 5/s, direct-link url 5/s; share create unlimited', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 0, 1) });
    pan = await startFakePan({ clock, vip: true });
    const token = await login(pan);
    const file = await pan.state.addFile('/pub/a.txt', 'a');
    const pub = pan.state.find('/pub')!;
    await api(pan, 'POST', '/api/v1/direct-link/enable', { token, body: { fileID: pub.id } });
    const codes = async (n: number, path: string, method: string, options: object) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await api(pan!, method, path, { token, ...options })).code);
      return out;
    };
    const offline = { body: { url: 'http://127.0.0.1:9/x', dirID: pub.id } };
    expect(await codes(2, '/api/v1/offline/download', 'POST', offline)).toEqual([0, 429]);
    expect(await codes(6, '/api/v1/offline/download/process', 'GET', { query: { taskID: 100000 } })).toEqual([
      0, 0, 0, 0, 0, 429,
    ]);
    expect(await codes(6, '/api/v1/direct-link/url', 'GET', { query: { fileID: file.id } })).toEqual([
      0, 0, 0, 0, 0, 429,
    ]);
    const share = { body: { shareName: 's', shareExpire: 0, fileIDList: String(file.id) } };
    expect(new Set(await codes(30, '/api/v1/share/create', 'POST', share))).toEqual(new Set([0]));
    await clock.advance(1000);
    expect(await codes(1, '/api/v1/offline/download', 'POST', offline)).toEqual([0]);
    await pan.cloud.idle();
  });
});

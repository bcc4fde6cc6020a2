import { afterEach, describe, expect, it } from 'vitest';
import { createPanClient } from './client';
import { startDropProxy, type DropProxy } from './testing/drop-proxy';
import { startPair, type Pair } from './testing/fake-pan-pair';

let pair: Pair | undefined;
let proxy: DropProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await pair?.fake.close();
  pair = undefined;
  proxy = undefined;
});

describe('faults against fake-pan', () => {
  it('rides out a 429 storm (body code) with backoff', async () => {
    pair = await startPair();
    await pair.client.user.info();
    pair.fake.faults.set({ force429Next: 4 });
    const started = Date.now();
    expect(await pair.client.files.listAll(0)).toEqual([]);
    // Backoff from 100 ms doubling: at least 100+200+400+800 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(pair.fake.faults.get().force429Next).toBe(0);
  });

  it('recovers from the real limiter when proactive pacing is off (HTTP 200 + code 429)', async () => {
    // A 250 ms "second" keeps the storm short; the client's backoff is what is under test.
    pair = await startPair({ faults: { rateWindowMs: 250 } }, { rateTable: false });
    const { fake, client } = pair;
    for (let i = 0; i < 5; i++) fake.state.addFolder(`/f${i}`);
    const results = await Promise.all(Array.from({ length: 20 }, () => client.files.listAll(0)));
    expect(results.every((r) => r.length === 5)).toBe(true);
  });

  it('retries raw HTTP 5xx / 429 and non-JSON bodies for reads', async () => {
    pair = await startPair();
    await pair.client.user.info();
    pair.fake.faults.set({ rawHttpErrorNext: 2, rawHttpErrorStatus: 503 });
    await pair.client.files.listAll(0);
    pair.fake.faults.set({ rawHttpErrorNext: 2, rawHttpErrorStatus: 429 });
    await pair.client.files.listAll(0);
    pair.fake.faults.set({ nonJsonNext: 2 });
    await pair.client.files.listAll(0);
    expect(pair.fake.faults.get()).toMatchObject({ rawHttpErrorNext: 0, nonJsonNext: 0 });
  });

  it('surfaces a 5xx on mkdir (outcome unknown) but ensureFolderPath resolves it', async () => {
    pair = await startPair();
    await pair.client.user.info();
    pair.fake.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: 502 });
    await expect(pair.client.files.mkdir(0, 'once')).rejects.toMatchObject({
      code: 'server',
      httpStatus: 502,
    });
    pair.fake.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: 502 });
    const id = await pair.client.files.ensureFolderPath('once/twice');
    expect(pair.fake.state.pathOf(id)).toBe('/once/twice');
  });

  it('retries reads over dropped connections, and reports network for a dropped move', async () => {
    pair = await startPair();
    proxy = await startDropProxy(pair.fake.baseUrl);
    const client = createPanClient({
      baseUrl: proxy.url,
      credentials: { kind: 'client', clientId: pair.fake.clientId, clientSecret: pair.fake.clientSecret },
      retry: { transportBaseMs: 50 },
    });
    pair.fake.state.addFolder('/x');
    proxy.dropNext = 2;
    expect((await client.files.listAll(0)).map((e) => e.name)).toEqual(['x']);
    expect(proxy.dropped).toBe(2);
    const x = pair.fake.state.find('/x')!.id;
    const y = pair.fake.state.addFolder('/y').id;
    proxy.dropNext = 1;
    await expect(client.files.move([x], y)).rejects.toMatchObject({ code: 'network' });
    expect(pair.fake.state.pathOf(x)).toBe('/x');
  });

  it('times out a slow answer and honours an abort', async () => {
    pair = await startPair();
    await pair.client.user.info();
    const impatient = pair.another({
      timeouts: { api: 200 },
      retry: { maxTransport: 1, transportBaseMs: 10 },
    });
    pair.fake.faults.set({ responseDelayMs: 1500 });
    await expect(impatient.files.listAll(0)).rejects.toMatchObject({ code: 'timeout' });
    const ctrl = new AbortController();
    const pending = pair.client.files.listAll(0, { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startPair, type Pair } from './testing/fake-pan-pair';
import { signDirectLink } from './util/direct-link-sign';

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.fake.close();
  pair = undefined;
});

/** Requests that reached fake-pan, by path. */
function counting(p: Pair) {
  const seen: string[] = [];
  const client = p.another({
    fetch: (input, init) => {
      seen.push(new URL(input).pathname);
      return fetch(input, init);
    },
  });
  return { client, seen };
}

describe('shares against fake-pan', () => {
  it('create, list all pages, change traffic', async () => {
    pair = await startPair({ vip: true });
    const { client, fake } = pair;
    const file = await fake.state.addFile('/docs/a.txt', 'a');
    const created = [];
    for (let i = 0; i < 5; i++)
      created.push(
        await client.shares.create({
          name: `share ${i}`,
          fileIds: [file.id],
          expiryDays: 7,
          password: i === 0 ? 'ab12' : undefined,
          traffic: { package: 'guests_without_login' },
        }),
      );
    expect(created[0]).toEqual({
      id: expect.any(Number),
      key: expect.stringMatching(/^\w{6}-\w{4}$/),
      url: `https://www.123pan.com/s/${created[0]!.key}`,
    });
    const pages = [];
    for await (const page of client.shares.list({ limit: 2 })) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.at(-1)?.done).toBe(true);
    const all = await client.shares.listAll();
    expect(all.map((s) => s.id)).toEqual(created.map((c) => c.id));
    expect(all[0]).toMatchObject({
      name: 'share 0',
      password: 'ab12',
      expired: false,
      traffic: { package: 'guests_without_login', limitBytes: null },
    });
    expect(all[0]!.expiresAt - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    expect(all[1]?.password).toBe('');

    await client.shares.setTraffic(
      created.map((c) => c.id),
      { package: 'all', limitBytes: 4096 },
    );
    expect((await client.shares.listAll()).map((s) => s.traffic)).toEqual(
      Array.from({ length: 5 }, () => ({ package: 'all', limitBytes: 4096 })),
    );
  });

  it('checks what is certain locally, before any request', async () => {
    pair = await startPair();
    const { client, seen } = counting(pair);
    const file = await pair.fake.state.addFile('/a.txt', 'a');
    const base = { name: 'ok', fileIds: [file.id], expiryDays: 0 as const };
    const cases = [
      { ...base, name: '   ' },
      { ...base, name: 'x'.repeat(35) },
      { ...base, expiryDays: 3 as unknown as 0 },
      { ...base, fileIds: [] },
      { ...base, fileIds: Array.from({ length: 101 }, () => file.id) },
      { ...base, fileIds: [-1] },
      { ...base, traffic: { limitBytes: -5 } },
    ];
    for (const input of cases)
      await expect(client.shares.create(input)).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.shares.create({ ...base, name: 'a:b' })).rejects.toMatchObject({
      code: 'invalid_name',
    });
    await expect(client.shares.setTraffic([1], {})).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.shares.list({ limit: 101 })[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    expect(seen.filter((p) => p.startsWith('/api/v1/share'))).toEqual([]);
  });

  it('reports the service rules it cannot know: special characters (switch), unknown and trashed ids, unknown shares', async () => {
    pair = await startPair();
    const { client, fake } = pair;
    const file = await fake.state.addFile('/a.txt', 'a');
    fake.switches.set({ shareNameForbiddenChars: '#' });
    await expect(
      client.shares.create({ name: 'a#b', fileIds: [file.id], expiryDays: 1 }),
    ).rejects.toMatchObject({
      code: 'service',
      serviceCode: 1,
    });
    await expect(
      client.shares.create({ name: 'x', fileIds: [987654321], expiryDays: 1 }),
    ).rejects.toMatchObject({
      code: 'not_found',
      serviceCode: 1,
    });
    await client.files.trash([file.id]);
    await expect(
      client.shares.create({ name: 'x', fileIds: [file.id], expiryDays: 1 }),
    ).rejects.toMatchObject({
      serviceCode: 1,
    });
    await expect(client.shares.setTraffic([424242], { package: 'off' })).rejects.toMatchObject({
      code: 'not_found',
      serviceCode: 1,
    });
  });

  it('rides out 429 and raw 5xx on reads; a dropped create is surfaced, not repeated', async () => {
    pair = await startPair();
    const { client, fake } = pair;
    const file = await fake.state.addFile('/a.txt', 'a');
    await client.shares.create({ name: 's', fileIds: [file.id], expiryDays: 0 });
    fake.faults.set({ force429Next: 2 });
    expect(await client.shares.listAll()).toHaveLength(1);
    fake.faults.set({ rawHttpErrorNext: 2, rawHttpErrorStatus: 503 });
    expect(await client.shares.listAll()).toHaveLength(1);
    fake.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: 502 });
    await expect(
      client.shares.create({ name: 't', fileIds: [file.id], expiryDays: 0 }),
    ).rejects.toMatchObject({
      code: 'server',
      httpStatus: 502,
    });
    expect(fake.cloud.shares.all()).toHaveLength(1);
    fake.faults.set({ force401Next: 1 });
    expect(await client.shares.listAll()).toHaveLength(1);
  });
});

describe('direct links against fake-pan', () => {
  it('a free account is refused with the service message', async () => {
    pair = await startPair();
    const folder = pair.fake.state.addFolder('/pub');
    await expect(pair.client.directLinks.enable(folder.id)).rejects.toMatchObject({
      code: 'service',
      serviceCode: 1,
      message: expect.stringContaining('VIP'),
    });
  });

  it('enable, url, fetch, refresh, disable; signed URLs when the account has a private key', async () => {
    pair = await startPair({ vip: true, directLinkPrivateKey: 'pr1vate' });
    const { client, fake } = pair;
    const folder = fake.state.addFolder('/pub');
    const file = await fake.state.addFile('/pub/视频 1.mp4', 'movie');
    await expect(client.directLinks.url(file.id)).rejects.toMatchObject({ serviceCode: 1 });
    expect(await client.directLinks.enable(folder.id)).toBe('pub');
    const url = await client.directLinks.url(file.id);
    expect((await fetch(url)).status).toBe(403);
    const { uid } = await client.user.info();
    const signed = signDirectLink(url, { uid, privateKey: 'pr1vate', expiresAt: Date.now() + 60_000 });
    const res = await fetch(signed);
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
      200,
      'video/mp4',
      'movie',
    ]);
    const expired = signDirectLink(url, { uid, privateKey: 'pr1vate', expiresAt: Date.now() - 60_000 });
    expect((await fetch(expired)).status).toBe(403);
    await client.directLinks.refreshCache();
    expect(await client.directLinks.disable(folder.id)).toBe('pub');
    await expect(client.directLinks.url(file.id)).rejects.toMatchObject({ serviceCode: 1 });
    await expect(client.directLinks.url(987654321)).rejects.toMatchObject({
      code: 'not_found',
      serviceCode: 5066,
    });
    await expect(client.directLinks.enable(0)).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

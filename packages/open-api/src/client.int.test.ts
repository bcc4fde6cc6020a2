import { afterEach, describe, expect, it } from 'vitest';
import { startPair, type Pair } from './testing/fake-pan-pair';
import type { PanEntry } from './types';

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.fake.close();
  pair = undefined;
});

describe('client against fake-pan: every non-upload call', () => {
  it('user info, folders, listing with paging, detail, infos', async () => {
    pair = await startPair({ vip: true });
    const { client, fake } = pair;
    const user = await client.user.info();
    expect(user.vip).toBe(true);
    expect(client.rates.tier()).toBe('vip');
    for (let i = 0; i < 230; i++) fake.state.addFolder(`/big/f${String(i).padStart(3, '0')}`);
    const big = fake.state.find('/big')!;
    const pages = [];
    for await (const page of client.files.list(big.id, { limit: 100 })) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 30]);
    const all = pages.flatMap((p) => p.items);
    expect(new Set(all.map((e) => e.id)).size).toBe(230);
    expect(all[0]).toMatchObject({ name: 'f000', kind: 'folder', parentId: big.id, trashed: false, md5: '' });
    expect(Math.abs(all[0]!.createdAt - Date.now())).toBeLessThan(60_000);

    const file = await fake.state.addFile('/big/readme.txt', 'hello');
    const detail = await client.files.detail(file.id);
    expect(detail).toMatchObject({
      id: file.id,
      name: 'readme.txt',
      kind: 'file',
      size: 5,
      md5: '5d41402abc4b2a76b9719d911017c592',
    });
    const infos = await client.files.infos([file.id, big.id]);
    expect(infos.map((e) => e.id).sort()).toEqual([file.id, big.id].sort());
    await expect(client.files.detail(987654321)).rejects.toMatchObject({
      code: 'not_found',
      serviceCode: 5066,
    });
  });

  it('mkdir, ensureFolderPath, rename, move, trash, recover, delete', async () => {
    pair = await startPair({ vip: true });
    const { client, fake } = pair;
    await client.user.info();
    const a = await client.files.mkdir(0, 'a');
    await expect(client.files.mkdir(0, 'a')).rejects.toMatchObject({ code: 'name_conflict' });
    const deep = await client.files.ensureFolderPath('a/b/c');
    expect(await client.files.ensureFolderPath('/a/b/c/')).toBe(deep);
    expect(fake.state.pathOf(deep)).toBe('/a/b/c');
    const b = fake.state.find('/a/b')!.id;

    await client.files.rename(deep, 'c2');
    expect(fake.state.pathOf(deep)).toBe('/a/b/c2');
    const x = await client.files.mkdir(a, 'x');
    const y = await client.files.mkdir(a, 'y');
    expect(
      await client.files.renameMany([
        { fileId: x, name: 'x2' },
        { fileId: y, name: 'y2' },
      ]),
    ).toEqual([]);
    expect(fake.state.find('/a/x2')?.id).toBe(x);

    await client.files.move([x, y], b);
    expect(fake.state.pathOf(y)).toBe('/a/b/y2');
    await client.files.trash([x]);
    const listed = await client.files.listAll(b);
    expect(listed.map((e) => e.name).sort()).toEqual(['c2', 'y2']);
    const trashedSeen: number[] = [];
    for await (const page of client.files.list(b)) trashedSeen.push(...page.trashed.map((e) => e.id));
    expect(trashedSeen).toEqual([x]);

    const trash: PanEntry[] = [];
    for await (const p of client.files.listTrash({ parentId: b })) trash.push(...p.items);
    expect(trash.map((e) => [e.id, e.trashed])).toEqual([[x, true]]);
    expect(await client.files.recover([x])).toEqual([]);
    expect(fake.state.get(x)?.trashed).toBe(false);

    await client.files.trash([x, y]);
    await client.files.recoverTo([y], a);
    expect(fake.state.pathOf(y)).toBe('/a/y2');
    await client.files.deleteForever([x]);
    expect(fake.state.get(x)).toBeUndefined();
    await expect(client.files.mkdir(0, 'bad:name')).rejects.toMatchObject({ code: 'invalid_name' });
  });

  it('ensureFolderPath is idempotent under concurrency (same path from five callers)', async () => {
    pair = await startPair({ vip: true });
    await pair.client.user.info();
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => pair!.client.files.ensureFolderPath('p/q/r')),
    );
    expect(new Set(ids).size).toBe(1);
    expect(pair.fake.state.pathOf(ids[0]!)).toBe('/p/q/r');
    expect(pair.fake.state.list('/p').filter((n) => !n.trashed)).toHaveLength(1);
  });

  it('splits big batches to the service limits (250 trash/delete, 35 renames)', async () => {
    pair = await startPair({ vip: true });
    await pair.client.user.info();
    const ids = Array.from({ length: 250 }, (_, i) => pair!.fake.state.addFolder(`/batch/b${i}`).id);
    expect(
      await pair.client.files.renameMany(ids.slice(0, 35).map((id, i) => ({ fileId: id, name: `r${i}` }))),
    ).toEqual([]);
    expect(pair.fake.state.get(ids[34]!)?.name).toBe('r34');
    await pair.client.files.trash(ids);
    expect(ids.every((id) => pair!.fake.state.get(id)?.trashed)).toBe(true);
    await pair.client.files.deleteForever(ids);
    expect(ids.some((id) => pair!.fake.state.get(id) !== undefined)).toBe(false);
  });

  it('download info gives a signed URL that serves the bytes', async () => {
    pair = await startPair();
    const file = await pair.fake.state.addFile('/d/blob.bin', 'downloadable bytes');
    const ticket = await pair.client.download.info(file.id);
    expect(ticket.expiresAt).toBeGreaterThan(Date.now());
    const res = await fetch(ticket.url);
    expect(await res.text()).toBe('downloadable bytes');
    pair.fake.faults.set({ trafficExhausted: true });
    await expect(pair.client.download.info(file.id)).rejects.toMatchObject({
      code: 'traffic_exhausted',
      serviceCode: 5113,
    });
  });
});

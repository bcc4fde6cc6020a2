import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unwrap } from '@pandesk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';

let h: Harness;
const opened: string[] = [];
const revealed: string[] = [];
beforeEach(async () => {
  opened.length = 0;
  revealed.length = 0;
  h = await startHarness({
    platform: {
      openPath: async (p) => void opened.push(p),
      revealInFolder: async (p) => void revealed.push(p),
    },
  });
});
afterEach(async () => {
  await h.close();
});

const md5 = (bytes: Buffer | string): string => createHash('md5').update(bytes).digest('hex');
const bytesOf = (n: number, seed: number): Buffer => Buffer.alloc(n, seed);

describe('opening cloud files with the OS', () => {
  it('downloads through the queue, verified, then opens; an unchanged file opens from the cache without traffic', async () => {
    const body = bytesOf(200_000, 7);
    const file = await h.fake.state.addFile('/docs/report.pdf', body);
    const info = unwrap(await h.client.app.info());
    expect(info.capabilities.openFiles).toBe(true);

    const first = unwrap(await h.client.app.openFile({ fileId: file.id }));
    expect(first.fromCache).toBe(false);
    expect(opened).toEqual([first.path]);
    expect(first.path.endsWith('report.pdf')).toBe(true);
    expect(md5(await readFile(first.path))).toBe(md5(body));
    expect(h.fake.traffic.cdnBytes(md5(body))).toBe(body.length);
    // It went through the transfer queue (and so shows in the transfers panel).
    const page = unwrap(await h.client.transfers.page({ offset: 0, limit: 10 }));
    expect(page.items.map((i) => [i.name, i.state])).toEqual([['report.pdf', 'completed']]);

    const again = unwrap(await h.client.app.openFile({ fileId: file.id }));
    expect(again).toEqual({ path: first.path, fromCache: true });
    expect(opened).toEqual([first.path, first.path]);
    expect(h.fake.traffic.cdnBytes(md5(body))).toBe(body.length);
  });

  it('fetches again when the cloud file changed in place (same id, new MD5)', async () => {
    const file = await h.fake.state.addFile('/a.txt', 'first version');
    const first = unwrap(await h.client.app.openFile({ fileId: file.id }));
    // Overwritten in the cloud: same id, other content (stored through a second file).
    const next = 'second version, longer';
    await h.fake.state.addFile('/other.txt', next);
    h.fake.state.drive.updateContent(file.id, md5(next), next.length);
    const second = unwrap(await h.client.app.openFile({ fileId: file.id }));
    expect(second.fromCache).toBe(false);
    expect(await readFile(second.path, 'utf8')).toBe(next);
    expect(second.path).not.toBe(first.path);
  });

  it('keeps the cache under its limit by evicting the least recently opened, and clears it', async () => {
    const mib = 1024 * 1024;
    unwrap(await h.client.settings.update({ openCacheLimitMb: 16 }));
    const a = await h.fake.state.addFile('/a.bin', bytesOf(7 * mib, 1));
    const b = await h.fake.state.addFile('/b.bin', bytesOf(7 * mib, 2));
    const c = await h.fake.state.addFile('/c.bin', bytesOf(7 * mib, 3));
    const pathA = unwrap(await h.client.app.openFile({ fileId: a.id })).path;
    const pathB = unwrap(await h.client.app.openFile({ fileId: b.id })).path;
    // A opened again is now more recent than B.
    expect(unwrap(await h.client.app.openFile({ fileId: a.id })).fromCache).toBe(true);
    unwrap(await h.client.app.openFile({ fileId: c.id }));
    const cache = unwrap(await h.client.app.openCache());
    expect(cache).toEqual({ files: 2, bytes: 14 * mib, limitBytes: 16 * mib });
    expect(unwrap(await h.client.app.openFile({ fileId: a.id }))).toEqual({ path: pathA, fromCache: true });
    const reopenedB = unwrap(await h.client.app.openFile({ fileId: b.id }));
    expect(reopenedB).toEqual({ path: pathB, fromCache: false });

    const big = await h.fake.state.addFile('/big.bin', bytesOf(17 * mib, 4));
    const refused = await h.client.app.openFile({ fileId: big.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'unsupported',
        reason: 'open_larger_than_cache',
        params: { name: 'big.bin', limitMb: 16 },
      },
    });

    unwrap(await h.client.app.clearOpenCache());
    expect(unwrap(await h.client.app.openCache())).toMatchObject({ files: 0, bytes: 0 });
    const root = join(h.dir, 'user-data', 'open-cache');
    const drives = await readdir(root);
    for (const drive of drives) expect(await readdir(join(root, drive))).toEqual([]);
  });

  it('opens or reveals a finished download by its transfer id, and nothing else', async () => {
    const file = await h.fake.state.addFile('/song.mp3', 'la la la');
    const done = h.waitFor('transfers:changed', (s) => s.summary.byState.completed === 1);
    unwrap(
      await h.client.transfers.download({
        sources: [{ fileId: file.id, name: 'song.mp3', type: 'file' }],
        localDir: h.dir,
        conflict: 'keep_both',
      }),
    );
    await done;
    const item = unwrap(await h.client.transfers.page({ offset: 0, limit: 10 })).items[0]!;
    unwrap(await h.client.app.openDownload({ transferId: item.id, how: 'open' }));
    unwrap(await h.client.app.openDownload({ transferId: item.id, how: 'reveal' }));
    expect(opened).toEqual([join(h.dir, 'song.mp3')]);
    expect(revealed).toEqual([join(h.dir, 'song.mp3')]);
    expect(await h.client.app.openDownload({ transferId: 'nope', how: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: 'download_not_listed' },
    });
  });
});

describe('without an OS to open with (browser host)', () => {
  it('says so and downloads nothing', async () => {
    const plain = await startHarness();
    try {
      const file = await plain.fake.state.addFile('/x.txt', 'x');
      expect(unwrap(await plain.client.app.info()).capabilities.openFiles).toBe(false);
      expect(await plain.client.app.openFile({ fileId: file.id })).toMatchObject({
        ok: false,
        error: { code: 'unsupported', reason: 'not_available_here' },
      });
      expect(plain.fake.traffic.cdnBytes(md5('x'))).toBe(0);
    } finally {
      await plain.close();
    }
  });
});

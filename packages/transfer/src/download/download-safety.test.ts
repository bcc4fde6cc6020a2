/**
 * No download can end with another item's bytes: every item has its own part file and its own
 * target, and what lands at the target is the file that was verified.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalFs } from '../local-fs';
import type { RemoteEntry } from '../ports';
import type { Harness } from '../testing/harness';
import { createHarness } from '../testing/harness';

const KiB = 1024;
let h: Harness;
afterEach(async () => h?.cleanup());

function source(e: RemoteEntry) {
  return { fileId: e.fileId, name: e.name, type: e.type, size: e.size, etag: e.etag };
}

function pattern(size: number, seed: number): Uint8Array {
  return new Uint8Array(size).map((_, i) => (i * seed + (i >> 10)) % 251);
}

/** Every completed item's local file holds exactly the bytes of the remote file it came from. */
function expectEachItemHoldsItsOwnBytes(): void {
  const done = h.byState('completed').filter((i) => i.kind === 'file');
  const paths = new Set(done.map((i) => i.localPath));
  expect(paths.size).toBe(done.length);
  for (const item of done) {
    const expected = Buffer.from(h.drive.read(item.remoteFileId ?? -1));
    expect(readFileSync(item.localPath).equals(expected), item.localPath).toBe(true);
  }
}

describe('download isolation', () => {
  it('gives two same-named files from different folders, downloaded in one call, their own bytes', async () => {
    h = createHarness();
    const a = h.drive.addFile(h.drive.addFolder(0, 'A'), 'big.bin', pattern(1536 * KiB, 7));
    const b = h.drive.addFile(h.drive.addFolder(0, 'B'), 'big.bin', pattern(1536 * KiB, 13));
    h.engine.start();
    await h.engine.download({
      sources: [source(a), source(b)],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.engine.whenIdle();
    expect(h.byState('completed')).toHaveLength(2);
    expectEachItemHoldsItsOwnBytes();
    expect(readdirSync(join(h.dir, 'out')).sort()).toEqual(['big (1).bin', 'big.bin']);
  });

  it('keeps remote names that clean up to the same local name apart, whatever the policy', async () => {
    h = createHarness();
    const f = h.drive.addFolder(0, 'F');
    h.drive.addFile(f, 'a:b.txt', pattern(700 * KiB, 3));
    h.drive.addFile(f, 'a_b.txt', pattern(700 * KiB, 5));
    const evil1 = h.drive.addFile(0, '../../evil', pattern(600 * KiB, 11));
    const evil2 = h.drive.addFile(0, '..\\..\\evil', pattern(600 * KiB, 17));
    h.engine.start();
    await h.engine.download({
      sources: [{ fileId: f, name: 'F', type: 'folder' }],
      localDir: join(h.dir, 'out'),
      conflict: 'overwrite',
    });
    await h.engine.download({
      sources: [source(evil1), source(evil2)],
      localDir: join(h.dir, 'out'),
      conflict: 'skip',
    });
    await h.engine.whenIdle();
    expect(h.byState('completed').filter((i) => i.kind === 'file')).toHaveLength(4);
    expectEachItemHoldsItsOwnBytes();
    expect(readdirSync(join(h.dir, 'out', 'F')).sort()).toEqual(['a_b (1).txt', 'a_b.txt']);
  });

  it('never lets two items finishing at once take the same target', async () => {
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothArrived = new Promise<void>((resolve) => (release = resolve));
    /** Holds the first placement into out/ until the second item is placing too. */
    const hold = async (to: string): Promise<void> => {
      if (!to.includes(`${join('out', 'same.bin')}`) && !to.includes('same (')) return;
      if (++arrived === 2) release();
      if (arrived <= 2) await bothArrived;
    };
    const racing: LocalFs = {
      ...fsp,
      rename: (async (from: string, to: string) => (
        await hold(String(to)),
        fsp.rename(from, to)
      )) as LocalFs['rename'],
      link: (async (from: string, to: string) => (
        await hold(String(to)),
        fsp.link(from, to)
      )) as LocalFs['link'],
    };
    h = createHarness({ engine: { fs: racing } });
    const one = h.drive.addFile(h.drive.addFolder(0, 'X'), 'same.bin', pattern(400 * KiB, 19));
    const two = h.drive.addFile(h.drive.addFolder(0, 'Y'), 'same.bin', pattern(400 * KiB, 23));
    h.engine.start();
    // Two separate calls: nothing at enqueue time tells them apart, only the placement can.
    await h.engine.download({ sources: [source(one)], localDir: join(h.dir, 'out'), conflict: 'keep_both' });
    await h.engine.download({ sources: [source(two)], localDir: join(h.dir, 'out'), conflict: 'keep_both' });
    await h.engine.whenIdle();
    expect(h.byState('completed')).toHaveLength(2);
    expectEachItemHoldsItsOwnBytes();
  });

  it('checks that the file placed at the target is the one it verified', async () => {
    let swapped = false;
    /** Something replaces the part file just as it is being put in place. */
    const swap = async (from: string): Promise<void> => {
      if (swapped || !from.endsWith('.part')) return;
      swapped = true;
      writeFileSync(`${from}.intruder`, Buffer.alloc(500 * KiB, 1));
      await fsp.rename(`${from}.intruder`, from);
    };
    const swapping: LocalFs = {
      ...fsp,
      rename: (async (from: string, to: string) => (
        await swap(String(from)),
        fsp.rename(from, to)
      )) as LocalFs['rename'],
      link: (async (from: string, to: string) => (
        await swap(String(from)),
        fsp.link(from, to)
      )) as LocalFs['link'],
    };
    h = createHarness({ engine: { fs: swapping } });
    const remote = h.drive.addFile(0, 'v.bin', pattern(500 * KiB, 29));
    h.engine.start();
    await h.engine.download({
      sources: [source(remote)],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.engine.whenIdle();
    expect(swapped).toBe(true);
    expect(h.byState('completed')).toHaveLength(1);
    expectEachItemHoldsItsOwnBytes();
    expect(readdirSync(join(h.dir, 'out'))).toEqual(['v.bin']);
  });

  it('recognises a file already placed when it restarts between placing and dropping the part name', async () => {
    let failOnce = true;
    /** The part's name cannot be removed once (as if the process died right after placing). */
    const interrupted: LocalFs = {
      ...fsp,
      unlink: (async (path: string) => {
        if (failOnce && String(path).endsWith('.part') && existsSync(path)) {
          failOnce = false;
          throw Object.assign(new Error('i/o error'), { code: 'EIO' });
        }
        return fsp.unlink(path);
      }) as LocalFs['unlink'],
    };
    h = createHarness({ engine: { fs: interrupted } });
    const remote = h.drive.addFile(0, 'p.bin', pattern(300 * KiB, 31));
    h.engine.start();
    await h.engine.download({
      sources: [source(remote)],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.engine.whenIdle();
    expect(h.items()[0]?.state).toBe('failed');
    expect(readdirSync(join(h.dir, 'out')).filter((n) => n.endsWith('.part'))).toHaveLength(1);
    const fetched = h.drive.cdn.stats.ranges.length;
    h.engine.retry();
    await h.engine.whenIdle();
    expect(h.byState('completed')).toHaveLength(1);
    expectEachItemHoldsItsOwnBytes();
    expect(readdirSync(join(h.dir, 'out'))).toEqual(['p.bin']);
    expect(h.drive.cdn.stats.ranges.length).toBe(fetched);
  });

  it('places files without replacing anything where the file system has no hard links', async () => {
    const noLinks: LocalFs = {
      ...fsp,
      link: (async () => {
        throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
      }) as LocalFs['link'],
    };
    h = createHarness({ engine: { fs: noLinks } });
    const a = h.drive.addFile(h.drive.addFolder(0, 'A'), 'f.bin', pattern(300 * KiB, 37));
    const b = h.drive.addFile(h.drive.addFolder(0, 'B'), 'f.bin', pattern(300 * KiB, 41));
    h.file('out/f.bin', new TextEncoder().encode('already here'));
    h.engine.start();
    await h.engine.download({ sources: [source(a)], localDir: join(h.dir, 'out'), conflict: 'keep_both' });
    await h.engine.download({ sources: [source(b)], localDir: join(h.dir, 'out'), conflict: 'skip' });
    await h.engine.whenIdle();
    expect(h.byState('completed')).toHaveLength(1);
    expect(h.byState('skipped')).toHaveLength(1);
    expectEachItemHoldsItsOwnBytes();
    expect(readFileSync(join(h.dir, 'out', 'f.bin'), 'utf8')).toBe('already here');
    expect(readdirSync(join(h.dir, 'out')).sort()).toEqual(['f (1).bin', 'f.bin']);
  });
});

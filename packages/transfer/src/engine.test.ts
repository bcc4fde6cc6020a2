import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './testing/harness';
import { createHarness } from './testing/harness';

let h: Harness;
afterEach(async () => h?.cleanup());

describe('transfer engine basics', () => {
  it('uploads a file in slices and downloads it back byte-identical', async () => {
    h = createHarness();
    const src = h.file('src/a.bin', 3 * 1024 * 1024 + 123);
    h.engine.start();
    await h.engine.upload({ localPaths: [src], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    const up = h.items()[0];
    expect(up?.state).toBe('completed');
    expect(h.drive.calls.uploadSlice).toBe(4);
    const remote = h.drive.list(0).find((e) => e.name === 'a.bin');
    expect(remote).toBeDefined();
    if (!remote) return;
    await h.engine.download({
      sources: [
        { fileId: remote.fileId, name: remote.name, type: 'file', size: remote.size, etag: remote.etag },
      ],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.engine.whenIdle();
    expect(readFileSync(join(h.dir, 'out', 'a.bin')).equals(readFileSync(src))).toBe(true);
  });
});

describe('speed limits', () => {
  it('paces downloads and uploads to the limits, which change live', async () => {
    h = createHarness({ engine: { limits: { downloadBytesPerSecond: 256 * 1024 } } });
    const clock = h.clock as unknown as { slept: number };
    const remote = h.drive.addFile(0, 'paced.bin', new Uint8Array(1024 * 1024).fill(8));
    h.engine.start();
    await h.engine.download({
      sources: [{ ...remote, type: 'file' }],
      localDir: join(h.dir, 'out'),
      conflict: 'overwrite',
    });
    await h.engine.whenIdle();
    // 1 MiB at 256 KiB/s with a one-second burst: at least 3 s of (virtual) waiting.
    expect(clock.slept).toBeGreaterThanOrEqual(3000);
    expect(h.engine.getSummary().limits.downloadBytesPerSecond).toBe(256 * 1024);
    h.engine.setLimits({ downloadBytesPerSecond: 0, uploadBytesPerSecond: 512 * 1024 });
    const before = clock.slept;
    await h.engine.download({
      sources: [{ ...remote, type: 'file' }],
      localDir: join(h.dir, 'out2'),
      conflict: 'overwrite',
    });
    await h.engine.whenIdle();
    const unlimited = clock.slept - before;
    const src = h.file('paced-up.bin', 2 * 1024 * 1024);
    const beforeUp = clock.slept;
    await h.engine.upload({ localPaths: [src], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    expect(unlimited).toBeLessThan(3000);
    expect(clock.slept - beforeUp).toBeGreaterThanOrEqual(2000);
    expect(h.byState('completed')).toHaveLength(3);
  });
});

describe('hooks for modules sharing the journal', () => {
  it('uploads with an MD5 it was told instead of hashing the file again', async () => {
    h = createHarness();
    const src = h.file('told.bin', 300 * 1024);
    const st = statSync(src);
    h.engine.start();
    // A wrong remembered MD5 shows it was used: the drive refuses the whole file's checksum.
    h.engine.rememberHash(src, st.size, st.mtimeMs, '0'.repeat(32));
    const batchId = await h.engine.upload({ localPaths: [src], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    const [item] = h.engine.batchItems(batchId);
    expect(item?.state).toBe('failed');
    expect(h.drive.list(0).some((e) => e.name === 'told.bin')).toBe(false);
  });

  it('answers the items of one batch with their outcome', async () => {
    h = createHarness();
    const a = h.file('a.bin', 1000);
    const b = h.file('b.bin', 2000);
    h.engine.start();
    const first = await h.engine.upload({ localPaths: [a, b], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.upload({ localPaths: [a], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    const items = h.engine.batchItems(first);
    expect(items.map((i) => [i.localPath, i.state])).toEqual([
      [a, 'completed'],
      [b, 'completed'],
    ]);
    expect(items.every((i) => i.remoteFileId !== null)).toBe(true);
  });
});

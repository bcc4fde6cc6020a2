/**
 * The engine over the shipped adapter against fake-pan over real HTTP on loopback: a 302 hop on
 * the CDN, connections cut mid-body, download URLs that expire during the download, "verifying"
 * (20103) answers on completion, instant and single-step uploads, a session that expires midway,
 * and a cloud file that changes during its download.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanKit } from './testing/pan-kit';
import { startPanKit } from './testing/pan-kit';

const MiB = 1024 * 1024;
let kit: PanKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

/** Counts calls of one adapter method. */
function count<K extends 'downloadUrl' | 'createUpload' | 'uploadSingle'>(
  k: PanKit,
  method: K,
): { n: number } {
  const counter = { n: 0 };
  const original = k.backend[method] as (...args: unknown[]) => unknown;
  (k.backend as unknown as Record<K, unknown>)[method] = (...args: unknown[]) => (
    counter.n++,
    original(...args)
  );
  return counter;
}

describe('engine against fake-pan', () => {
  it('round-trips a folder through 302 hops, cut connections and "verifying" answers', async () => {
    const k = (kit = await startPanKit({
      fakePan: {
        switches: { sliceSize: MiB, cdnRedirect: true, completeNotYetStyle: '20103' },
        faults: { completePolls: 3, cdnCutAfterBytes: 300_000, cdnCutNext: 3 },
      },
      engine: { tuning: { segmentSize: MiB, singleUploadMaxBytes: 1000 } },
    }));
    const src = join(k.work, 'src');
    mkdirSync(join(src, 'inner', 'empty'), { recursive: true });
    const files: Record<string, Buffer> = {
      'a.bin': randomBytes(3 * MiB + 5),
      'inner/b.bin': randomBytes(700_000),
      'inner/c.txt': Buffer.from('hello'),
    };
    for (const [rel, bytes] of Object.entries(files)) writeFileSync(join(src, rel), bytes);
    const target = k.pan.state.addFolder('/target');
    await k.engine.upload({ localPaths: [src], remoteParentId: target.id, conflict: 'keep_both' });
    await k.engine.whenIdle();
    expect(k.engine.getSummary().byState.completed).toBe(6);
    const uploaded = k.pan.state.find('/target/src');
    expect(uploaded?.type).toBe(1);
    expect(k.pan.state.find('/target/src/inner/empty')?.type).toBe(1);

    await k.engine.download({
      sources: [{ fileId: uploaded?.id ?? 0, name: 'src', type: 'folder' }],
      localDir: join(k.work, 'down'),
      conflict: 'keep_both',
    });
    await k.engine.whenIdle();
    expect(k.engine.getSummary().byState.failed).toBe(0);
    for (const [rel, bytes] of Object.entries(files))
      expect(readFileSync(join(k.work, 'down', 'src', rel)).equals(bytes)).toBe(true);
    expect(readdirSync(join(k.work, 'down', 'src', 'inner', 'empty'))).toEqual([]);
  });

  it('renews download URLs that expire in the middle of a slow download', async () => {
    const k = (kit = await startPanKit({
      fakePan: { faults: { downloadUrlLifetimeSec: 1, cdnBytesPerSecond: 2 * MiB } },
      engine: { tuning: { segmentSize: MiB, urlExpiryMarginMs: 0 } },
    }));
    const urlCalls = count(k, 'downloadUrl');
    const bytes = randomBytes(8 * MiB); // 2 connections at 2 MiB/s: about 2 s, URLs live 1 s
    const node = await k.pan.state.addFile('/slow.bin', bytes);
    k.engine.setLimits({ segmentsPerFile: 2 });
    await k.engine.download({
      sources: [{ fileId: node.id, name: 'slow.bin', type: 'file', size: node.size, etag: node.md5 }],
      localDir: join(k.work, 'down'),
      conflict: 'overwrite',
    });
    await k.engine.whenIdle();
    expect(k.items()[0]).toMatchObject({ state: 'completed', error: null });
    expect(readFileSync(join(k.work, 'down', 'slow.bin')).equals(bytes)).toBe(true);
    expect(urlCalls.n).toBeGreaterThanOrEqual(2);
  });

  it('lets a second upload of the same content end at create (instant upload)', async () => {
    const k = (kit = await startPanKit({ fakePan: { switches: { sliceSize: MiB } } }));
    const creates = count(k, 'createUpload');
    const path = join(k.work, 'same.bin');
    writeFileSync(path, randomBytes(17 * MiB)); // above the single-step size: create, then slices
    await k.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await k.engine.whenIdle();
    const before = k.pan.traffic.uploadBytes(k.pan.state.find('/same.bin')?.md5 ?? '');
    await k.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await k.engine.whenIdle();
    const names = k.pan.state
      .list(0)
      .filter((n) => !n.trashed)
      .map((n) => n.name)
      .sort();
    expect(names).toEqual(['same(1).bin', 'same.bin']);
    expect(k.engine.getSummary().byState.completed).toBe(2);
    expect(creates.n).toBe(2);
    expect(k.pan.traffic.uploadBytes(k.pan.state.find('/same.bin')?.md5 ?? '')).toBe(before);
  });

  it('sends a small file in one request (single step)', async () => {
    const k = (kit = await startPanKit());
    const singles = count(k, 'uploadSingle');
    const creates = count(k, 'createUpload');
    const bytes = randomBytes(3 * MiB);
    const path = join(k.work, 'small.bin');
    writeFileSync(path, bytes);
    await k.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await k.engine.whenIdle();
    expect(k.items()[0]).toMatchObject({ state: 'completed', error: null });
    expect([singles.n, creates.n]).toEqual([1, 0]);
    const node = k.pan.state.find('/small.bin');
    expect(node?.size).toBe(bytes.length);
    expect(k.pan.traffic.uploadBytes(node?.md5 ?? '')).toBeLessThan(bytes.length + 4096);
  });

  it('starts again from create when the upload session expires midway', async () => {
    const k = (kit = await startPanKit({
      fakePan: { switches: { sliceSize: MiB }, faults: { uploadSessionLifetimeSec: 2 } },
      engine: { tuning: { singleUploadMaxBytes: 0 } },
    }));
    const creates = count(k, 'createUpload');
    const createUpload = k.backend.createUpload;
    k.backend.createUpload = (req, signal) => {
      // The second session lives long enough: the test is about recovering from the first.
      if (creates.n === 1) k.pan.faults.set({ uploadSessionLifetimeSec: 3600 });
      return createUpload(req, signal);
    };
    k.engine.setLimits({ uploadBytesPerSecond: MiB, slicesPerFile: 1 }); // slices at about 0 s, 1 s, 2 s, 3 s
    const bytes = randomBytes(4 * MiB);
    const path = join(k.work, 'expiring.bin');
    writeFileSync(path, bytes);
    await k.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await k.engine.whenIdle();
    expect(k.items()[0]).toMatchObject({ state: 'completed', error: null });
    expect(creates.n).toBe(2);
    const live = k.pan.state.list(0).filter((n) => !n.trashed);
    expect(live.map((n) => n.name)).toEqual(['expiring.bin']);
    expect(live[0]?.size).toBe(bytes.length);
  });

  it('tells that a cloud file changed during its download, and downloads the new version on retry', async () => {
    const k = (kit = await startPanKit({
      // Download URLs live 1 s, so the download goes on with URLs issued after the overwrite.
      fakePan: {
        faults: { cdnBytesPerSecond: MiB, downloadUrlLifetimeSec: 1 },
        switches: { overwriteKeepsId: true },
      },
      engine: { tuning: { segmentSize: MiB, urlExpiryMarginMs: 0 }, limits: { segmentsPerFile: 2 } },
    }));
    const node = await k.pan.state.addFile('/doc.bin', randomBytes(6 * MiB));
    const renewed = randomBytes(5 * MiB);
    await k.engine.download({
      sources: [{ fileId: node.id, name: 'doc.bin', type: 'file', size: node.size, etag: node.md5 }],
      localDir: join(k.work, 'down'),
      conflict: 'overwrite',
    });
    // Halfway through, another client overwrites the file in the cloud (same id).
    while ((k.items()[0]?.bytesDone ?? 0) < 2 * MiB) await new Promise((r) => setTimeout(r, 20));
    mkdirSync(join(k.work, 'up'));
    const path = join(k.work, 'up', 'doc.bin');
    writeFileSync(path, renewed);
    k.engine.setLimits({ uploadFiles: 1 });
    await k.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'overwrite' });
    await k.engine.whenIdle();
    const down = k.items().find((i) => i.direction === 'download');
    expect(down).toMatchObject({ state: 'failed', error: { code: 'remote', retryable: true } });
    expect(down?.error?.message).toMatch(/changed in the cloud/);
    k.engine.retry([down?.id ?? '']);
    await k.engine.whenIdle();
    expect(k.items().find((i) => i.direction === 'download')).toMatchObject({ state: 'completed' });
    expect(readFileSync(join(k.work, 'down', 'doc.bin')).equals(renewed)).toBe(true);
  });
});

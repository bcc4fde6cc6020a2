/**
 * Every answer the adapter has to interpret, produced by fake-pan over HTTP and seen through the
 * engine: a malformed answer (create without upload servers), used-up download traffic, a slice
 * refused for its MD5, "not yet" completion answers, and remote folders that exist, clash with a
 * file, or whose creation lost its answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanKit } from './testing/pan-kit';
import { startPanKit } from './testing/pan-kit';
import { flipRequestByte, rewriteJson } from './testing/rewrite';

const MiB = 1024 * 1024;
let kit: PanKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

function local(k: PanKit, rel: string, bytes: Buffer): string {
  const path = join(k.work, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

async function uploadAll(k: PanKit, paths: string[], parent = 0): Promise<void> {
  await k.engine.upload({ localPaths: paths, remoteParentId: parent, conflict: 'keep_both' });
  await k.engine.whenIdle();
}

/** Counts calls of one adapter method. */
function count(k: PanKit, method: 'uploadSlice' | 'completeUpload' | 'ensureFolder'): { n: number } {
  const counter = { n: 0 };
  const original = k.backend[method] as (...args: unknown[]) => unknown;
  (k.backend as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => (
    counter.n++,
    original(...args)
  );
  return counter;
}

describe('adapter answers, through the engine', () => {
  it('fails an upload in words when create offers no upload server, and a retry completes it', async () => {
    let broken = true;
    const k = (kit = await startPanKit({
      fetch: rewriteJson(
        '/upload/v2/file/create',
        (json) => {
          const data = json.data as Record<string, unknown>;
          if (data && !data.reuse) data.servers = [];
        },
        () => broken,
      ),
      fakePan: { switches: { sliceSize: MiB } },
      engine: { tuning: { singleUploadMaxBytes: 0 } },
    }));
    const slices = count(k, 'uploadSlice');
    await uploadAll(k, [local(k, 'a.bin', randomBytes(2 * MiB))]);
    expect(k.items()[0]).toMatchObject({
      state: 'failed',
      error: { code: 'remote', reason: 'bad_response', retryable: true },
    });
    expect(slices.n).toBe(0);
    broken = false;
    k.engine.retry();
    await k.engine.whenIdle();
    expect(k.items()[0]).toMatchObject({ state: 'completed', error: null });
    expect(k.pan.state.find('/a.bin')?.size).toBe(2 * MiB);
  });

  it('fails downloads in words when the daily traffic is used up, and uploads go on', async () => {
    const k = (kit = await startPanKit({ fakePan: { faults: { trafficExhausted: true } } }));
    const node = await k.pan.state.addFile('/d.bin', randomBytes(MiB));
    await k.engine.download({
      sources: [{ fileId: node.id, name: 'd.bin', type: 'file', size: node.size, etag: node.md5 }],
      localDir: join(k.work, 'down'),
      conflict: 'keep_both',
    });
    await uploadAll(k, [local(k, 'u.bin', randomBytes(1000))]);
    const down = k.items().find((i) => i.direction === 'download');
    expect(down).toMatchObject({
      state: 'failed',
      error: { code: 'quota', reason: 'traffic_exhausted', detail: { serviceCode: 5113 } },
    });
    expect(down?.error?.detail?.serviceMessage).toMatch(/流量/);
    expect(k.items().find((i) => i.direction === 'upload')?.state).toBe('completed');
  });

  it('fails an upload over the quota with the reason, and the service words kept as detail', async () => {
    const k = (kit = await startPanKit({ fakePan: { faults: { quotaBytes: 1000 } } }));
    await uploadAll(k, [local(k, 'big.bin', randomBytes(5000))]);
    expect(k.items()[0]).toMatchObject({
      state: 'failed',
      error: {
        code: 'quota',
        reason: 'space_exhausted',
        retryable: true,
        detail: { serviceCode: 1, serviceMessage: '网盘空间不足,请清理空间或升级会员' },
      },
    });
  });

  it('sends a slice again when the service refuses it for its MD5 (a byte flipped in transit)', async () => {
    const flip = flipRequestByte('/upload/v2/file/slice', 4096, 1);
    const k = (kit = await startPanKit({
      fetch: flip,
      fakePan: { switches: { sliceSize: MiB } },
      engine: { tuning: { singleUploadMaxBytes: 0 } },
    }));
    const slices = count(k, 'uploadSlice');
    const bytes = randomBytes(3 * MiB);
    await uploadAll(k, [local(k, 'flip.bin', bytes)]);
    expect(flip.flipped()).toBe(1);
    expect(k.items()[0]).toMatchObject({ state: 'completed', error: null });
    expect(slices.n).toBe(4);
    expect(k.pan.state.find('/flip.bin')?.md5).toBe(createHash('md5').update(bytes).digest('hex'));
  });

  it.each(['completed_false', '20103'] as const)(
    'polls completion through "not yet" answers (%s)',
    async (style) => {
      const k = (kit = await startPanKit({
        fakePan: { switches: { sliceSize: MiB, completeNotYetStyle: style }, faults: { completePolls: 3 } },
        engine: { tuning: { singleUploadMaxBytes: 0 } },
      }));
      const polls = count(k, 'completeUpload');
      await uploadAll(k, [local(k, 'p.bin', randomBytes(MiB + 1))]);
      expect(k.items()[0]).toMatchObject({ state: 'completed', error: null });
      expect(polls.n).toBe(4);
    },
  );

  it('merges into an existing remote folder, names a clash with a file, and survives a lost mkdir answer', async () => {
    const k = (kit = await startPanKit());
    const target = k.pan.state.addFolder('/t');
    k.pan.state.addFolder('/t/exists');
    await k.pan.state.addFile('/t/clash', 'a file where a folder is wanted');
    local(k, 'exists/in.txt', Buffer.from('in'));
    local(k, 'clash/x.txt', Buffer.from('x'));
    local(k, 'fresh/y.txt', Buffer.from('y'));
    // The first mkdir's connection is dropped before any answer: its outcome is unknown.
    k.pan.faults.set({ dropConnectionNext: 1 });
    await uploadAll(k, [join(k.work, 'fresh')], target.id);
    await uploadAll(k, [join(k.work, 'exists'), join(k.work, 'clash')], target.id);
    const names = k.pan.state
      .list(target.id)
      .filter((n) => !n.trashed)
      .map((n) => `${n.name}:${n.type}`)
      .sort();
    expect(names).toEqual(['clash:0', 'exists:1', 'fresh:1']);
    expect(k.pan.state.find('/t/exists/in.txt')).toBeDefined();
    expect(k.pan.state.find('/t/fresh/y.txt')).toBeDefined();
    const clash = k.items().find((i) => i.name === 'clash');
    expect(clash).toMatchObject({
      state: 'failed',
      error: { code: 'name_conflict', reason: 'name_taken', retryable: false },
    });
  });
});

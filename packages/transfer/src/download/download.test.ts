import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalFs } from '../local-fs';
import type { FetchLike, RemoteEntry } from '../ports';
import { hang } from '../testing/gates';
import type { Harness } from '../testing/harness';
import { createHarness } from '../testing/harness';

const KiB = 1024;
let h: Harness;
afterEach(async () => h?.cleanup());

function source(e: RemoteEntry) {
  return { fileId: e.fileId, name: e.name, type: e.type, size: e.size, etag: e.etag };
}

/** A harness whose engine fetch goes through a swappable function. */
function withSwappableFetch(): { set(f: FetchLike): void } {
  let impl: FetchLike | undefined;
  h = createHarness({ engine: { fetch: (url, init) => (impl ?? h.drive.fetch)(url, init) } });
  return { set: (f) => void (impl = f) };
}

async function downloadAll(
  sources: RemoteEntry[],
  conflict: 'keep_both' | 'overwrite' | 'skip' = 'keep_both',
  dir = 'out',
) {
  await h.engine.download({ sources: sources.map(source), localDir: join(h.dir, dir), conflict });
  await h.engine.whenIdle();
}

describe('download job', () => {
  it('resumes after a restart fetching only the missing segments', async () => {
    const swap = withSwappableFetch();
    const bytes = new Uint8Array(2048 * KiB).map((_, i) => (i * 31) % 251);
    const remote = h.drive.addFile(0, 'seg.bin', bytes);
    let served = 0;
    swap.set((url, init) => (served++ < 3 ? h.drive.fetch(url, init) : hang(init.signal)));
    h.engine.start();
    await h.engine.download({
      sources: [source(remote)],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.waitFor(() => (h.items()[0]?.bytesDone ?? 0) >= 3 * 256 * KiB, 'three segments written');
    await h.engine.close();
    swap.set(h.drive.fetch);
    const before = h.drive.cdn.stats.ranges.length;
    h.reopen().start();
    await h.engine.whenIdle();
    expect(h.items()[0]?.state).toBe('completed');
    expect(h.drive.cdn.stats.ranges.length - before).toBe(5);
    expect(Buffer.from(bytes).equals(readFileSync(join(h.dir, 'out', 'seg.bin')))).toBe(true);
    expect(readdirSync(join(h.dir, 'out'))).toEqual(['seg.bin']);
  });

  it('renews a rejected URL transparently', async () => {
    h = createHarness();
    const remote = h.drive.addFile(0, 'r.bin', new Uint8Array(600 * KiB).fill(9));
    h.drive.cdn.failNext(403, 2);
    h.engine.start();
    await downloadAll([remote]);
    expect(h.items()[0]?.state).toBe('completed');
    // Parallel segments that saw the same rejected URL share one renewal.
    expect(h.drive.calls.downloadUrl).toBeGreaterThanOrEqual(2);
  });

  it('renews a URL whose t expiry has passed before using it again', async () => {
    h = createHarness({ drive: { urlLifetimeMs: 120_000 }, engine: { limits: { segmentsPerFile: 1 } } });
    const remote = h.drive.addFile(0, 't.bin', new Uint8Array(1024 * KiB).fill(1));
    // 1+2+4+8+16+30+30 s of backoff move the (fast) clock past expiry minus the 60 s margin.
    h.drive.cdn.failNext(503, 7);
    h.engine.start();
    await downloadAll([remote]);
    expect(h.items()[0]?.state).toBe('completed');
    expect(h.drive.calls.downloadUrl).toBeGreaterThanOrEqual(2);
    expect(h.drive.cdn.stats.requests).toBeGreaterThan(0);
  });

  it('retries a failing segment alone, from where its connection broke', async () => {
    h = createHarness();
    const bytes = new Uint8Array(1024 * KiB).map((_, i) => i % 7);
    const remote = h.drive.addFile(0, 'cut.bin', bytes);
    h.drive.cdn.cutNext(100 * KiB, 1);
    h.engine.start();
    await downloadAll([remote]);
    expect(h.items()[0]?.state).toBe('completed');
    expect(h.drive.cdn.stats.ranges).toHaveLength(5);
    // The retry asks only for what the cut connection had not delivered.
    const ranges = h.drive.cdn.stats.ranges.map((r) => r.split('-').map(Number));
    expect(ranges.some(([s, e]) => ranges.some(([s2, e2]) => e2 === e && s2 === (s ?? 0) + 100 * KiB))).toBe(
      true,
    );
    expect(Buffer.from(bytes).equals(readFileSync(join(h.dir, 'out', 'cut.bin')))).toBe(true);
  });

  it('fails only the affected item with words when the disk is full, keeps partial data, resumes on retry', async () => {
    let written = 0;
    const fullFs: LocalFs = {
      ...fsp,
      open: (async (path: string, flags: string) => {
        const handle = await fsp.open(path, flags);
        if (!String(path).includes('full.bin')) return handle;
        return new Proxy(handle, {
          get(target, prop, receiver) {
            if (prop !== 'write') return Reflect.get(target, prop, receiver) as unknown;
            return async (buf: Uint8Array, off: number, len: number, pos: number) => {
              if (written >= 512 * KiB)
                throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
              written += len;
              return target.write(buf, off, len, pos);
            };
          },
        });
      }) as LocalFs['open'],
    };
    h = createHarness({ engine: { fs: fullFs, limits: { segmentsPerFile: 1 } } });
    const full = h.drive.addFile(0, 'full.bin', new Uint8Array(1024 * KiB).fill(5));
    const fine = h.drive.addFile(0, 'fine.bin', new Uint8Array(300 * KiB).fill(6));
    h.engine.start();
    await downloadAll([full, fine]);
    const failed = h.byState('failed');
    expect(failed.map((i) => [i.name, i.error?.code])).toEqual([['full.bin', 'disk_full']]);
    expect(failed[0]?.error?.message).toMatch(/disk is full/i);
    expect(h.byState('completed').map((i) => i.name)).toEqual(['fine.bin']);
    expect(readdirSync(join(h.dir, 'out')).some((n) => n.endsWith('.part'))).toBe(true);
    await h.engine.close();
    const before = h.drive.cdn.stats.ranges.length;
    h.reopen({ fs: fsp }).start();
    h.engine.retry();
    await h.engine.whenIdle();
    expect(h.byState('completed')).toHaveLength(2);
    expect(h.drive.cdn.stats.ranges.length - before).toBe(2);
    expect(readFileSync(join(h.dir, 'out', 'full.bin')).every((b) => b === 5)).toBe(true);
  });

  it('clearing failed downloads deletes their .part files', async () => {
    const failingFs: LocalFs = {
      ...fsp,
      open: (async (path: string, flags: string) => {
        const handle = await fsp.open(path, flags);
        if (!String(path).endsWith('.part')) return handle;
        let writes = 0;
        return new Proxy(handle, {
          get(target, prop, receiver) {
            if (prop !== 'write') return Reflect.get(target, prop, receiver) as unknown;
            return async (buf: Uint8Array, off: number, len: number, pos: number) => {
              if (writes++ > 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
              return target.write(buf, off, len, pos);
            };
          },
        });
      }) as LocalFs['open'],
    };
    h = createHarness({ engine: { fs: failingFs, limits: { segmentsPerFile: 1 } } });
    const big = h.drive.addFile(0, 'big.bin', new Uint8Array(1024 * KiB).fill(7));
    h.engine.start();
    await downloadAll([big]);
    expect(h.byState('failed').map((i) => i.name)).toEqual(['big.bin']);
    expect(readdirSync(join(h.dir, 'out')).filter((n) => n.endsWith('.part'))).toHaveLength(1);
    expect(await h.engine.clearFailed()).toBe(1);
    expect(readdirSync(join(h.dir, 'out'))).toEqual([]);
    expect(h.items()).toEqual([]);
  });

  it('downloads once more from scratch on a checksum mismatch, then fails and drops the bad part', async () => {
    const swap = withSwappableFetch();
    const remote = h.drive.addFile(0, 'bad.bin', new Uint8Array(100 * KiB).fill(2));
    // The service's bytes are wrong while its info is consistent: every body arrives altered.
    swap.set(async (url, init) => {
      const response = await h.drive.fetch(url, init);
      const bytes = new Uint8Array(await new Response(response.body as ReadableStream).arrayBuffer());
      bytes[0] = 0xff;
      return new Response(bytes, { status: response.status });
    });
    h.engine.start();
    await downloadAll([remote]);
    expect(h.items()[0]?.error?.code).toBe('checksum_mismatch');
    expect(h.drive.cdn.stats.ranges).toHaveLength(2);
    expect(readdirSync(join(h.dir, 'out'))).toEqual([]);
  });

  it('tells that the cloud file changed during the download, and a retry downloads its new version', async () => {
    const swap = withSwappableFetch();
    const remote = h.drive.addFile(0, 'doc.bin', new Uint8Array(1024 * KiB).fill(4));
    const changed = new Uint8Array(1200 * KiB).fill(5);
    let served = 0;
    // Halfway through, the file is overwritten in the cloud (same id, new size and content).
    swap.set((url, init) => {
      if (++served === 2) h.drive.replaceContent(remote.fileId, changed);
      return h.drive.fetch(url, init);
    });
    h.engine.setLimits({ segmentsPerFile: 1 });
    h.engine.start();
    await downloadAll([remote]);
    expect(h.items()[0]?.state).toBe('failed');
    expect(h.items()[0]?.error).toMatchObject({ code: 'remote', retryable: true });
    expect(h.items()[0]?.error?.message).toMatch(/changed in the cloud/);
    expect(readdirSync(join(h.dir, 'out'))).toEqual([]);
    h.engine.retry();
    await h.engine.whenIdle();
    expect(h.items()[0]).toMatchObject({ state: 'completed', size: changed.length });
    expect(Buffer.from(changed).equals(readFileSync(join(h.dir, 'out', 'doc.bin')))).toBe(true);
  });

  it('downloads again when the part lost journaled bytes (an OS crash after the commit)', async () => {
    let lose = true;
    const losing: LocalFs = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        if (!String(args[0]).endsWith('.part') || !lose) return handle;
        lose = false;
        // Every write of this first part "succeeds" but leaves zeros, like pages lost in a crash.
        const realWrite = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
        handle.write = ((buffer: Uint8Array, ...rest: unknown[]) =>
          realWrite(new Uint8Array(buffer.length), ...rest)) as typeof handle.write;
        return handle;
      }) as LocalFs['open'],
    };
    h = createHarness({ engine: { fs: losing } });
    const remote = h.drive.addFile(0, 'lost.bin', new Uint8Array(100 * KiB).fill(3));
    h.engine.start();
    await downloadAll([remote]);
    expect(h.items()[0]?.state).toBe('completed');
    expect(readFileSync(join(h.dir, 'out', 'lost.bin')).every((b) => b === 3)).toBe(true);
    expect(h.drive.cdn.stats.ranges).toHaveLength(2);
  });

  it('downloads a folder with its structure, safe names and nothing outside the destination', async () => {
    h = createHarness();
    const f = h.drive.addFolder(0, 'F');
    h.drive.addFile(f, 'a:b?.txt', new TextEncoder().encode('ab'));
    h.drive.addFile(f, 'CON.txt', new TextEncoder().encode('con'));
    h.drive.addFile(f, '..', new TextEncoder().encode('dots'));
    h.drive.addFile(f, 'trail. ', new TextEncoder().encode('trail'));
    const sub = h.drive.addFolder(f, 'sub');
    h.drive.addFile(sub, 'x.bin', new Uint8Array(10).fill(1));
    h.drive.addFolder(f, 'empty');
    h.engine.start();
    await h.engine.download({
      sources: [{ fileId: f, name: 'F', type: 'folder' }],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.engine.whenIdle();
    expect(readdirSync(join(h.dir, 'out', 'F')).sort()).toEqual([
      '_',
      '_CON.txt',
      'a_b_.txt',
      'empty',
      'sub',
      'trail',
    ]);
    expect(readdirSync(join(h.dir, 'out', 'F', 'sub'))).toEqual(['x.bin']);
    expect(readdirSync(join(h.dir, 'out', 'F', 'empty'))).toEqual([]);
    expect(readdirSync(h.dir).filter((n) => !n.startsWith('journal.db'))).toEqual(['out']);
  });

  it('follows the policy when the local name exists', async () => {
    h = createHarness();
    const remote = h.drive.addFile(0, 'a.txt', new TextEncoder().encode('remote'));
    mkdirSync(join(h.dir, 'out'));
    writeFileSync(join(h.dir, 'out', 'a.txt'), 'local');
    h.engine.start();
    await downloadAll([remote], 'skip');
    expect(h.items()[0]?.state).toBe('skipped');
    expect(readFileSync(join(h.dir, 'out', 'a.txt'), 'utf8')).toBe('local');
    await downloadAll([remote], 'keep_both');
    expect(readFileSync(join(h.dir, 'out', 'a (1).txt'), 'utf8')).toBe('remote');
    await downloadAll([remote], 'overwrite');
    expect(readFileSync(join(h.dir, 'out', 'a.txt'), 'utf8')).toBe('remote');
  });
});

import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createHashWorkers, hashThreadStart } from './hash-workers';

const dirs: string[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function tempFile(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'pf-hashw-'));
  dirs.push(dir);
  const path = join(dir, 'f.bin');
  writeFileSync(path, bytes);
  return path;
}

function workers(size: number) {
  const hasher = createHashWorkers({ size, idleMs: 50 });
  closers.push(() => hasher.close());
  return hasher;
}

const md5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

describe('hash workers', () => {
  it('hashes whole files and ranges, more requests than workers', async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 77);
    const path = tempFile(bytes);
    const hasher = workers(2);
    const ranges = [
      { start: 0, end: 4 * 1024 * 1024 },
      { start: 4 * 1024 * 1024, end: 8 * 1024 * 1024 },
      { start: 8 * 1024 * 1024, end: bytes.length },
      { start: 5, end: 5 },
    ];
    const [whole, ...parts] = await Promise.all([
      hasher.md5(path),
      ...ranges.map((r) => hasher.md5(path, r)),
    ]);
    expect(whole).toBe(md5(bytes));
    expect(parts).toEqual(ranges.map((r) => md5(bytes.subarray(r.start, r.end))));
  });

  it('gives the whole MD5 and every slice MD5 from one read, slices cut at any size', async () => {
    const MiB = 1024 * 1024;
    const bytes = randomBytes(5 * MiB + 3);
    const path = tempFile(bytes);
    const hasher = workers(1);
    const sliceMd5s = (size: number): string[] =>
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        md5(bytes.subarray(i * size, Math.min(bytes.length, (i + 1) * size))),
      );
    // A slice size that is not a multiple of the worker's 1 MiB turn, one that divides the
    // file's length exactly, and one larger than the file (one slice: the whole file).
    for (const size of [1.5 * MiB + 1, bytes.length / 1, 2 * MiB, 16 * MiB]) {
      const hashed = await hasher.hashFile(path, size);
      expect(hashed).toEqual({ md5: md5(bytes), sliceMd5s: sliceMd5s(size), sliceSize: size });
    }
    const empty = tempFile(new Uint8Array(0));
    expect(await hasher.hashFile(empty, MiB)).toEqual({
      md5: md5(new Uint8Array(0)),
      sliceMd5s: [],
      sliceSize: MiB,
    });
    await expect(hasher.hashFile(path, 0)).rejects.toThrow(/slice size/);
  });

  it('starts the thread from its TypeScript source, and from the sibling file in a bundle', () => {
    const bundled = hashThreadStart('file:///opt/app/main/index.cjs');
    expect(bundled).toEqual({ entry: new URL('file:///opt/app/main/hash-thread.cjs'), eval: false });
    const sources = hashThreadStart(new URL('./hash-workers.ts', import.meta.url).href);
    expect(sources.eval).toBe(true);
    expect(sources.entry).toContain('require("node:worker_threads")');
    expect(sources.entry).not.toContain('import type');
  });

  it('rejects with the file system code for a missing file, and a range past the end', async () => {
    const path = tempFile(Buffer.from('short'));
    const hasher = workers(1);
    await expect(hasher.md5(`${path}.missing`)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(hasher.md5(path, { start: 0, end: 100 })).rejects.toThrow(/ended before byte 100/);
    expect(await hasher.md5(path)).toBe(md5(Buffer.from('short')));
  });

  it('an abort rejects at once and the worker goes on with the next request', async () => {
    const bytes = randomBytes(32 * 1024 * 1024);
    const path = tempFile(bytes);
    const hasher = workers(1);
    const controller = new AbortController();
    const first = hasher.md5(path, undefined, controller.signal);
    const second = hasher.md5(path, { start: 0, end: 1024 });
    controller.abort(new Error('paused'));
    await expect(first).rejects.toThrow('paused');
    expect(await second).toBe(md5(bytes.subarray(0, 1024)));
  });

  it('a pending ordered digest ends when its signal aborts, and the worker goes on', async () => {
    const bytes = randomBytes(32 * 1024 * 1024);
    const path = tempFile(bytes);
    const hasher = workers(1);
    const ordered = hasher.ordered(path);
    const controller = new AbortController();
    const digest = ordered.digest(bytes.length, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(digest).rejects.toThrow('cancelled');
    expect(await hasher.md5(path, { start: 0, end: 1024 })).toBe(md5(bytes.subarray(0, 1024)));
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO and a device without blocking on them',
    async () => {
      const fifoPath = join(mkdtempSync(join(tmpdir(), 'pf-hashw-')), 'pipe');
      dirs.push(dirname(fifoPath));
      execFileSync('mkfifo', [fifoPath]);
      const hasher = workers(1);
      await expect(hasher.md5(fifoPath)).rejects.toMatchObject({ code: 'ENOTREG' });
      await expect(hasher.md5('/dev/zero')).rejects.toMatchObject({ code: 'ENOTREG' });
      const path = tempFile(Buffer.from('after'));
      expect(await hasher.md5(path)).toBe(md5(Buffer.from('after')));
    },
  );

  it('keeps the process alive while a hash is pending, and lets it exit once idle', () => {
    const bytes = randomBytes(8 * 1024 * 1024);
    const path = tempFile(bytes);
    const module = fileURLToPath(new URL('./hash-workers.ts', import.meta.url));
    // Nothing else is pending in that process: it must print the digest, then exit at once
    // (an idle worker still referenced would hold it for the 60 s idle time).
    const script = `import { createHashWorkers } from ${JSON.stringify(module)};
      createHashWorkers({ idleMs: 60000 }).md5(${JSON.stringify(path)}).then((d) => process.stdout.write(d));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      timeout: 30_000,
    });
    expect(out.toString()).toBe(md5(bytes));
  });

  it('a short hash is not held up by a long one on the same worker', async () => {
    const bytes = randomBytes(48 * 1024 * 1024);
    const path = tempFile(bytes);
    const hasher = workers(1);
    const done: string[] = [];
    const noting = (name: string) => (digest: string) => {
      done.push(name);
      return digest;
    };
    const long = hasher.md5(path).then(noting('long'));
    const short = hasher.md5(path, { start: 0, end: 1024 }).then(noting('short'));
    expect(await Promise.all([long, short])).toEqual([md5(bytes), md5(bytes.subarray(0, 1024))]);
    expect(done).toEqual(['short', 'long']);
  });

  it('refuses work after close', async () => {
    const hasher = workers(1);
    await hasher.close();
    await expect(hasher.md5('/nonexistent')).rejects.toThrow(/closed/);
  });

  it('hashes a file written out of order as its complete prefix grows', async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 123);
    const path = tempFile(Buffer.alloc(bytes.length));
    const handle = await open(path, 'r+');
    const hasher = workers(1).ordered(path);
    const third = Math.floor(bytes.length / 3);
    // Second third first: nothing is complete from the start yet, so nothing may be hashed.
    await handle.write(bytes, third, third, third);
    await handle.write(bytes, 0, third, 0);
    hasher.advance(2 * third);
    await handle.write(bytes, 2 * third, bytes.length - 2 * third, 2 * third);
    await handle.close();
    expect(await hasher.digest(bytes.length)).toBe(md5(bytes));
  });

  it('an ordered hash rejects when the file is shorter than the size asked for', async () => {
    const hasher = workers(1).ordered(tempFile(Buffer.from('short')));
    await expect(hasher.digest(100)).rejects.toThrow(/hashing failed/);
  });

  it('a disposed ordered hash refuses its digest, and the worker goes on hashing', async () => {
    const path = tempFile(Buffer.from('abc'));
    const pool = workers(1);
    const hasher = pool.ordered(path);
    hasher.advance(2);
    hasher.dispose();
    await expect(hasher.digest(3)).rejects.toThrow(/disposed/);
    expect(await pool.md5(path)).toBe(md5(Buffer.from('abc')));
  });
});

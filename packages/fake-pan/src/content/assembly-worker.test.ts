import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAssemblyWorker, type AssemblyWorker } from './assembly-worker';
import { md5Hex, sha1Hex } from './hashing';

/** Generous: the worker may be slow to get a core on a loaded machine. */
const WAIT = { timeout: 15_000, interval: 20 };

let dir = '';
let worker: AssemblyWorker;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fake-pan-assembly-worker-'));
  worker = createAssemblyWorker();
});
afterEach(async () => {
  await worker.close();
  await rm(dir, { recursive: true, force: true });
});

/** A source file of `length` bytes whose content depends on `seed`; chunks over 4 MiB cross reads. */
function source(name: string, length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  writeFileSync(join(dir, name), bytes);
  return bytes;
}

describe('assembly worker', () => {
  it('appends files in the order posted and reports MD5, SHA-1 and size of the whole', async () => {
    const a = source('a', 5 * 1024 * 1024 + 3, 1); // more than one 4 MiB read
    const b = source('b', 0, 2);
    const c = source('c', 1000, 3);
    const job = worker.start(join(dir, 'out'));
    const sizes = await Promise.all([
      job.append(join(dir, 'a')),
      job.append(join(dir, 'b')),
      job.append(join(dir, 'c')),
    ]);
    expect(sizes).toEqual([a.length, a.length, a.length + c.length]);
    const whole = Buffer.concat([a, b, c]);
    expect(await job.finish()).toEqual({ md5: md5Hex(whole), sha1: sha1Hex(whole), size: whole.length });
    expect(readFileSync(join(dir, 'out')).equals(whole)).toBe(true);
  });

  it('runs jobs side by side without mixing their bytes', async () => {
    const a = source('a', 3000, 4);
    const b = source('b', 2000, 5);
    const one = worker.start(join(dir, 'one'));
    const two = worker.start(join(dir, 'two'));
    await Promise.all([one.append(join(dir, 'a')), two.append(join(dir, 'b')), one.append(join(dir, 'b'))]);
    expect((await one.finish()).md5).toBe(md5Hex(Buffer.concat([a, b])));
    expect((await two.finish()).md5).toBe(md5Hex(b));
  });

  it('fails every later request of a job once one append failed (no bytes after a gap)', async () => {
    source('a', 100, 6);
    source('c', 100, 7);
    const job = worker.start(join(dir, 'out'));
    const missing = job.append(join(dir, 'no-such-slice'));
    const after = job.append(join(dir, 'c'));
    await expect(missing).rejects.toThrow(/ENOENT/);
    await expect(after).rejects.toThrow();
    await expect(job.finish()).rejects.toThrow();
    job.abort();
    await vi.waitFor(() => expect(existsSync(join(dir, 'out'))).toBe(false), WAIT);
  });

  it('deletes the file on abort, before or after finish', async () => {
    source('a', 100, 8);
    const open = worker.start(join(dir, 'open'));
    await open.append(join(dir, 'a'));
    open.abort();
    await vi.waitFor(() => expect(existsSync(join(dir, 'open'))).toBe(false), WAIT);
    const finished = worker.start(join(dir, 'finished'));
    await finished.append(join(dir, 'a'));
    await finished.finish();
    finished.abort();
    expect(existsSync(join(dir, 'finished'))).toBe(false);
  });

  it('rejects a finish that an abort overtook, and removes the file', async () => {
    source('a', 100, 9);
    const job = worker.start(join(dir, 'out'));
    void job.append(join(dir, 'a'));
    const finish = job.finish();
    job.abort();
    await expect(finish).rejects.toThrow(/aborted/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('deletes the file of a job aborted just before close', async () => {
    source('a', 100, 11);
    const job = worker.start(join(dir, 'out'));
    await job.append(join(dir, 'a'));
    job.abort();
    await worker.close();
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('close deletes unfinished files and later jobs fail without a file', async () => {
    source('a', 100, 10);
    const job = worker.start(join(dir, 'out'));
    await job.append(join(dir, 'a'));
    await worker.close();
    expect(existsSync(join(dir, 'out'))).toBe(false);
    await expect(job.append(join(dir, 'a'))).rejects.toThrow(/stopped/);
    const late = worker.start(join(dir, 'late'));
    await expect(late.finish()).rejects.toThrow();
    expect(existsSync(join(dir, 'late'))).toBe(false);
    rmSync(join(dir, 'a'));
  });
});

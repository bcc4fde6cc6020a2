import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './built-app-kit';

/**
 * What the shipped bundles carry. The renderer and the preload import only the contract's root
 * entry, which has no schema library: zod (about 25 KB gzipped) must not reach them. The main
 * process validates every call and does carry zod, which also proves the detector works on
 * built code (minified or not). The demo drive's assembly thread and the transfer engine's
 * hashing thread are files of their own next to the main bundle, and must run on their own.
 */

/** Traces zod v4 leaves in any build: its `_zod` internals and its `$Zod...` class names. */
const ZOD_TRACE = /\b_zod\b|\$Zod[A-Z]\w*|\bZodError\b/g;

let work = '';
let dist = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pandesk-bundles-'));
  dist = path.join(work, 'dist');
  await buildApp(dist);
}, 300_000);

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
});

/** Every JavaScript file of one part of the build, with its text. */
async function scripts(part: string): Promise<Array<{ file: string; text: string }>> {
  const root = path.join(dist, part);
  const entries = await readdir(root, { recursive: true });
  const files = entries.filter((f) => /\.(c|m)?js$/.test(f));
  return Promise.all(
    files.map(async (file) => ({
      file: `${part}/${file}`,
      text: await readFile(path.join(root, file), 'utf8'),
    })),
  );
}

function zodTraces(text: string): number {
  return text.match(ZOD_TRACE)?.length ?? 0;
}

describe('shipped bundles', () => {
  it.each(['renderer', 'preload'])('the %s carries no zod', async (part) => {
    const found = await scripts(part);
    expect(found.length).toBeGreaterThan(0);
    for (const { file, text } of found) expect(zodTraces(text), file).toBe(0);
  });

  it('the main process carries zod (it validates every call), so the detector sees it', async () => {
    const main = await scripts('main');
    expect(main.reduce((sum, { text }) => sum + zodTraces(text), 0)).toBeGreaterThan(100);
  });
});

describe("fake-pan's assembly thread", () => {
  it('sits next to the main bundle, which starts it from there', async () => {
    expect((await stat(path.join(dist, 'main', 'assembly-thread.cjs'))).isFile()).toBe(true);
    const main = await readFile(path.join(dist, 'main', 'index.cjs'), 'utf8');
    expect(main).toContain('new URL("./assembly-thread.cjs"');
  });

  it('runs alone in a worker: appends a file to a job and reports its hashes', async () => {
    const source = path.join(work, 'slice.bin');
    const target = path.join(work, 'assembled.bin');
    const bytes = Buffer.from('the bytes of one slice\n'.repeat(1000));
    await writeFile(source, bytes);
    const worker = new Worker(path.join(dist, 'main', 'assembly-thread.cjs'));
    try {
      const replies: unknown[] = [];
      const finished = new Promise<void>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (reply: { req: number }) => {
          replies.push(reply);
          if (reply.req === 3) resolve();
        });
      });
      worker.postMessage({ type: 'open', job: 1, path: target });
      worker.postMessage({ type: 'append', job: 1, req: 2, source });
      worker.postMessage({ type: 'finish', job: 1, req: 3 });
      await finished;
      expect(replies).toEqual([
        { req: 2, size: bytes.length },
        {
          req: 3,
          size: bytes.length,
          md5: createHash('md5').update(bytes).digest('hex'),
          sha1: createHash('sha1').update(bytes).digest('hex'),
        },
      ]);
      expect((await readFile(target)).equals(bytes)).toBe(true);
    } finally {
      await worker.terminate();
    }
  });
});

describe("the transfer engine's hashing thread", () => {
  it('sits next to the main bundle, which starts it from there', async () => {
    expect((await stat(path.join(dist, 'main', 'hash-thread.cjs'))).isFile()).toBe(true);
    const main = await readFile(path.join(dist, 'main', 'index.cjs'), 'utf8');
    expect(main).toContain('new URL("./hash-thread.cjs"');
  });

  it('runs alone in a worker: hashes a file and its slices in one request', async () => {
    const file = path.join(work, 'upload.bin');
    const bytes = Buffer.from('the bytes of a file to upload\n'.repeat(1000));
    await writeFile(file, bytes);
    const worker = new Worker(path.join(dist, 'main', 'hash-thread.cjs'));
    try {
      const reply = new Promise<unknown>((resolve, reject) => {
        worker.on('error', reject);
        worker.once('message', resolve);
      });
      worker.postMessage({ id: 1, path: file, start: 0, end: null, final: true, sliceSize: 10_000 });
      const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex');
      expect(await reply).toEqual({
        id: 1,
        digest: md5(bytes),
        slices: [0, 10_000, 20_000].map((at) => md5(bytes.subarray(at, at + 10_000))),
      });
    } finally {
      await worker.terminate();
    }
  });
});

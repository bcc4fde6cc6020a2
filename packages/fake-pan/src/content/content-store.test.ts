import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentStore } from './content-store';
import { md5Hex, sha1Hex } from './hashing';

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fake-pan-store-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Deterministic bytes generated chunk by chunk, never all at once. */
function generated(totalBytes: number, chunkBytes = 1 << 20): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= totalBytes) return void this.push(null);
      const n = Math.min(chunkBytes, totalBytes - sent);
      const chunk = Buffer.alloc(n, sent % 251);
      sent += n;
      this.push(chunk);
    },
  });
}

describe('content store', () => {
  it('stores bytes under <md5>-<size> with md5 and sha1 computed while writing', async () => {
    const store = await createContentStore({ dataDir });
    const bytes = Buffer.from('hello 123pan');
    const info = await store.putBuffer(bytes);
    expect(info).toEqual({ md5: md5Hex(bytes), sha1: sha1Hex(bytes), size: bytes.length });
    expect(store.blobPath(info.md5, info.size)).toBe(join(dataDir, 'blobs', `${info.md5}-${info.size}`));
    expect(await readFile(store.blobPath(info.md5, info.size))).toEqual(bytes);
    expect(store.has(info.md5, info.size)).toBe(true);
    expect(store.has(info.md5, info.size + 1)).toBe(false);
    expect(store.findBySha1(info.sha1, info.size)).toEqual(info);
    expect(store.findBySha1(info.sha1, 1)).toBeUndefined();
    expect(store.get(info.md5.toUpperCase(), info.size)).toEqual(info);
  });

  it('keeps one blob for identical content and leaves no temp files', async () => {
    const store = await createContentStore({ dataDir });
    await store.putBuffer(Buffer.from('same'));
    await store.putStream(Readable.from([Buffer.from('sa'), Buffer.from('me')]));
    const names = (await readdir(store.dir)).filter((n) => n !== 'index.jsonl');
    expect(names).toEqual([`${md5Hex(Buffer.from('same'))}-4`]);
  });

  it('stores zero-byte content', async () => {
    const store = await createContentStore({ dataDir });
    const info = await store.putBuffer(new Uint8Array(0));
    expect(info.md5).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(await readAll(store.createReadStream(info.md5, 0))).toHaveLength(0);
  });

  it('reads inclusive ranges', async () => {
    const store = await createContentStore({ dataDir });
    const info = await store.putBuffer(Buffer.from('0123456789'));
    expect((await readAll(store.createReadStream(info.md5, 10, { start: 2, end: 5 }))).toString()).toBe(
      '2345',
    );
    expect((await readAll(store.createReadStream(info.md5, 10, { start: 9, end: 9 }))).toString()).toBe('9');
    expect((await readAll(store.createReadStream(info.md5, 10))).toString()).toBe('0123456789');
  });

  it('removes the temp file when the source fails', async () => {
    const store = await createContentStore({ dataDir });
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('source broke'));
      },
    });
    await expect(store.putStream(failing)).rejects.toThrow('source broke');
    expect((await readdir(store.dir)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('adopts a finished temp file', async () => {
    const store = await createContentStore({ dataDir });
    const bytes = Buffer.from('concatenated slices');
    const temp = store.tempPath('merge');
    expect(temp.startsWith(store.dir)).toBe(true);
    await writeFile(temp, bytes);
    const info = { md5: md5Hex(bytes), sha1: sha1Hex(bytes), size: bytes.length };
    await store.adoptFile(temp, info);
    expect(store.findBySha1(info.sha1, info.size)).toEqual(info);
    expect(await readFile(store.blobPath(info.md5, info.size))).toEqual(bytes);
    // Adopting the same content again just drops the temp file.
    const again = store.tempPath('merge');
    await writeFile(again, bytes);
    await store.adoptFile(again, info);
    expect((await readdir(store.dir)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('keeps its index across a reopen, rehashes unindexed blobs and drops stale temp files', async () => {
    const first = await createContentStore({ dataDir });
    const a = await first.putBuffer(Buffer.from('alpha'));
    // A blob copied in without an index line, and a temp file left by a crash.
    const b = Buffer.from('bravo');
    await writeFile(join(first.dir, `${md5Hex(b)}-${b.length}`), b);
    await writeFile(join(first.dir, '.tmp-put-crashed'), 'partial');
    // A file whose name lies about its content is not indexed.
    await writeFile(join(first.dir, `${md5Hex(Buffer.from('x'))}-1`), 'y');

    const second = await createContentStore({ dataDir });
    expect(second.findBySha1(a.sha1, a.size)).toEqual(a);
    expect(second.findBySha1(sha1Hex(b), b.length)?.md5).toBe(md5Hex(b));
    expect(second.has(md5Hex(Buffer.from('x')), 1)).toBe(false);
    expect((await readdir(second.dir)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('streams a large input without buffering it', async () => {
    const store = await createContentStore({ dataDir });
    const total = 96 * 1024 * 1024;
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const info = await store.putStream(generated(total));
    let read = 0;
    for await (const chunk of store.createReadStream(info.md5, info.size)) read += (chunk as Buffer).length;
    clearInterval(timer);
    expect(info.size).toBe(total);
    expect(read).toBe(total);
    expect(peak - before).toBeLessThan(total / 2);
  });
});

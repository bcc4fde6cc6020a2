import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startPair, type Pair } from './testing/fake-pan-pair';
import { uploadFile } from './testing/upload-file';

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.fake.close();
  pair = undefined;
});

const SLICE = 64 * 1024;
const hash = (algo: 'md5' | 'sha1', b: Uint8Array): string => createHash(algo).update(b).digest('hex');

async function download(p: Pair, fileId: number): Promise<Uint8Array> {
  const ticket = await p.client.download.info(fileId);
  const res = await fetch(ticket.url);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe('uploads against fake-pan', () => {
  it('sliced upload (create → parallel slices → complete), then rapid upload of the same bytes', async () => {
    pair = await startPair({ vip: true, switches: { sliceSize: SLICE } });
    const bytes = new Uint8Array(randomBytes(5 * SLICE + 1234));
    const progress: number[] = [];
    const first = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'data.bin',
      source: new Blob([bytes]),
      singleMaxBytes: 0,
      concurrency: 3,
      onProgress: (d) => progress.push(d),
    });
    expect(first.method).toBe('sliced');
    expect(progress).toHaveLength(6);
    expect(progress[5]).toBe(bytes.length);
    const node = pair.fake.state.get(first.fileId)!;
    expect(node).toMatchObject({ name: 'data.bin', size: bytes.length, md5: hash('md5', bytes) });
    expect(hash('md5', await download(pair, first.fileId))).toBe(hash('md5', bytes));

    const again = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'copy.bin',
      source: new Blob([bytes]),
      md5: hash('md5', bytes),
      singleMaxBytes: 0,
    });
    expect(again.method).toBe('md5');
    expect(pair.fake.state.get(again.fileId)?.name).toBe('copy.bin');
    const bySha1 = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'sha.bin',
      source: new Blob([bytes]),
      sha1: hash('sha1', bytes),
    });
    expect(bySha1.method).toBe('sha1');
  });

  it('streams slices from a ReadableStream factory into a folder path (containDir)', async () => {
    pair = await startPair({ vip: true, switches: { sliceSize: SLICE } });
    const bytes = new Uint8Array(randomBytes(2 * SLICE + 7));
    const source = {
      size: bytes.length,
      read: (s: number, e: number) => () => new Blob([bytes.subarray(s, e)]).stream(),
    };
    const r = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'a/b/streamed.bin',
      containDir: true,
      source,
      singleMaxBytes: 0,
    });
    expect(pair.fake.state.pathOf(r.fileId)).toBe('/a/b/streamed.bin');
  });

  it('single-step upload for small files', async () => {
    pair = await startPair({ vip: true });
    const bytes = new TextEncoder().encode('tiny file');
    const r = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'tiny.txt',
      source: new Blob([bytes]),
      singleMaxBytes: 1024 * 1024,
    });
    expect(r.method).toBe('single');
    expect(new TextDecoder().decode(await download(pair, r.fileId))).toBe('tiny file');
  });

  it('treats 20103 on completion as "not yet" and waits it out', async () => {
    pair = await startPair({
      vip: true,
      switches: { sliceSize: SLICE, completeNotYetStyle: '20103' },
      faults: { completePolls: 3 },
    });
    const bytes = new Uint8Array(randomBytes(SLICE + 1));
    const r = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'v.bin',
      source: new Blob([bytes]),
      singleMaxBytes: 0,
      complete: { intervalMs: 100 },
    });
    expect(pair.fake.state.get(r.fileId)?.md5).toBe(hash('md5', bytes));
  });

  it('applies duplicate policies and reports clashes, bad names and quota', async () => {
    pair = await startPair({ vip: true });
    const blob = (s: string): Blob => new Blob([s]);
    const complete = { intervalMs: 100 };
    const sliced = { singleMaxBytes: 0, complete };
    await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'same.txt',
      source: blob('one'),
      ...sliced,
    });
    await expect(
      uploadFile(pair.client.upload, { parentId: 0, filename: 'same.txt', source: blob('two') }),
    ).rejects.toMatchObject({ code: 'name_conflict' });
    const both = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'same.txt',
      source: blob('three'),
      duplicate: 'keep_both',
      ...sliced,
    });
    expect(pair.fake.state.get(both.fileId)?.name).not.toBe('same.txt');
    const over = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'same.txt',
      source: blob('four'),
      duplicate: 'overwrite',
      singleMaxBytes: 100,
    });
    expect(pair.fake.state.find('/same.txt')?.id).toBe(over.fileId);
    await expect(
      uploadFile(pair.client.upload, { parentId: 0, filename: 'bad|name', source: blob('x') }),
    ).rejects.toMatchObject({ code: 'invalid_name' });
    pair.fake.faults.set({ quotaBytes: 10 });
    await expect(
      uploadFile(pair.client.upload, {
        parentId: 0,
        filename: 'big.txt',
        source: blob('more than ten bytes'),
      }),
    ).rejects.toMatchObject({ code: 'quota' });
  });

  it('re-reads and re-sends a slice the service rejected for its MD5', async () => {
    pair = await startPair({ vip: true, switches: { sliceSize: SLICE } });
    const bytes = new Uint8Array(randomBytes(2 * SLICE));
    let reads = 0;
    // The first read of slice 2 (the one hashed) sees different bytes, as if the file changed.
    const source = {
      size: bytes.length,
      read: (s: number, e: number) => () => {
        const chunk = bytes.slice(s, e);
        if (s === SLICE && reads++ === 0) chunk[0] = chunk[0]! ^ 0xff;
        return new Blob([chunk]).stream();
      },
    };
    const r = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'changing.bin',
      source,
      md5: hash('md5', bytes),
      concurrency: 1,
      singleMaxBytes: 0,
    });
    expect(pair.fake.state.get(r.fileId)?.md5).toBe(hash('md5', bytes));
    expect(reads).toBeGreaterThanOrEqual(3);
  });

  it('survives a forced 401 and a 5xx while slices are in flight', async () => {
    pair = await startPair({ vip: true, switches: { sliceSize: SLICE } });
    await pair.client.user.info();
    const bytes = new Uint8Array(randomBytes(4 * SLICE));
    pair.fake.faults.set({ force401Next: 1 });
    const session = await pair.client.upload.create({
      parentId: 0,
      filename: 'r.bin',
      size: bytes.length,
      md5: hash('md5', bytes),
    });
    if (session.reuse) throw new Error('unexpected rapid upload');
    pair.fake.faults.set({ force401Next: 1, rawHttpErrorNext: 1, rawHttpErrorStatus: 500 });
    for (let i = 0; i < 4; i++) {
      await pair.client.upload.uploadSlice({
        server: session.servers[0]!,
        preuploadId: session.preuploadId,
        sliceNo: i + 1,
        body: new Blob([bytes.subarray(i * SLICE, (i + 1) * SLICE)]),
        md5: hash('md5', bytes.subarray(i * SLICE, (i + 1) * SLICE)),
      });
    }
    const id = await pair.client.upload.complete(session.preuploadId, { intervalMs: 100 });
    expect(pair.fake.state.get(id)?.md5).toBe(hash('md5', bytes));
  });

  it('waits out 20103 on download_info right after an upload', async () => {
    pair = await startPair({ vip: true, faults: { downloadInfo20103Polls: 2 } });
    const r = await uploadFile(pair.client.upload, {
      parentId: 0,
      filename: 'fresh.txt',
      source: new Blob(['fresh']),
      singleMaxBytes: 100,
    });
    expect(new TextDecoder().decode(await download(pair, r.fileId))).toBe('fresh');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { envelope, raw, type RecordedCall } from '../testing/fake-fetch';
import { harness } from '../testing/harness';
import { uploadFile } from '../testing/upload-file';

const UPLOAD = 'https://upload.test';
const md5 = (b: Uint8Array | string): string => createHash('md5').update(b).digest('hex');

/** Parse the multipart body the client built (text fields, then the file part). */
function parseMultipart(call: RecordedCall): {
  fields: Record<string, string>;
  file: string;
  filename: string;
} {
  const boundary = /boundary=(.+)$/.exec(call.headers['content-type'] ?? '')?.[1];
  if (!boundary || call.body === undefined) throw new Error('not multipart');
  const fields: Record<string, string> = {};
  let file = '';
  let filename = '';
  for (const part of call.body.split(`--${boundary}`).slice(1, -1)) {
    const [head = '', ...rest] = part.split('\r\n\r\n');
    const value = rest.join('\r\n\r\n').replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? '';
    const fn = /filename="([^"]*)"/.exec(head);
    if (fn) {
      file = value;
      filename = fn[1] ?? '';
    } else fields[name] = value;
  }
  return { fields, file, filename };
}

function uploadRoutes(
  opts: {
    notYet?: Array<'false' | '20103'>;
    reuse?: boolean;
    sliceSize?: number;
    sliceFailures?: number;
  } = {},
) {
  const slices = new Map<number, string>();
  const notYet = [...(opts.notYet ?? [])];
  let sliceFailures = opts.sliceFailures ?? 0;
  return {
    slices,
    routes: {
      '/upload/v2/file/create': () =>
        opts.reuse
          ? envelope({ fileID: 4242, reuse: true })
          : envelope({
              fileID: 0,
              reuse: false,
              preuploadID: 'pre-1',
              sliceSize: opts.sliceSize ?? 4,
              servers: [UPLOAD],
            }),
      '/upload/v2/file/slice': (c: RecordedCall) => {
        if (sliceFailures-- > 0) return raw(503);
        const { fields, file } = parseMultipart(c);
        if (md5(file) !== fields.sliceMD5) return envelope(null, 1, 'slice md5 mismatch');
        slices.set(Number(fields.sliceNo), file);
        return envelope(null);
      },
      '/upload/v2/file/upload_complete': () => {
        const next = notYet.shift();
        if (next === '20103') return envelope(null, 20103, '文件正在校验中,请间隔1秒后再试');
        if (next === 'false') return envelope({ completed: false, fileID: 0 });
        return envelope({ completed: true, fileID: 9001 });
      },
      '/upload/v2/file/domain': () => envelope([UPLOAD]),
      '/upload/v2/file/single/create': (c: RecordedCall) => {
        const { fields, file } = parseMultipart(c);
        return fields.etag === md5(file)
          ? envelope({ fileID: 777, completed: true })
          : envelope(null, 1, '文件上传失败');
      },
      '/upload/v2/file/sha1_reuse': () => envelope({ fileID: 0, reuse: false }),
    },
  };
}

const text = 'hello sliced world!!';

describe('upload', () => {
  it('creates, sends every slice with its MD5, and polls completion through "not yet" and 20103', async () => {
    const fake = uploadRoutes({ notYet: ['false', '20103', 'false'] });
    const h = harness(fake.routes);
    const progress: number[] = [];
    const result = await uploadFile(h.client.upload, {
      parentId: 0,
      filename: 'hello.txt',
      source: new Blob([text]),
      duplicate: 'overwrite',
      sha1: 'a'.repeat(40),
      singleMaxBytes: 0,
      onProgress: (done) => progress.push(done),
    });
    expect(result).toEqual({ fileId: 9001, method: 'sliced' });
    expect([...fake.slices.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(
      [...fake.slices.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, v]) => v)
        .join(''),
    ).toBe(text);
    expect(progress[progress.length - 1]).toBe(text.length);
    const create = h.callsTo('/upload/v2/file/create')[0]?.json;
    expect(create).toEqual({
      parentFileID: 0,
      filename: 'hello.txt',
      size: 20,
      duplicate: 2,
      containDir: false,
      etag: md5(text),
    });
    expect(h.callsTo('/upload/v2/file/upload_complete')).toHaveLength(4);
    expect(h.callsTo('/upload/v2/file/slice')[0]?.headers.authorization).toBe('Bearer tok-1');
  });

  it('streams slices from a ReadableStream factory and retries transport failures', async () => {
    const fake = uploadRoutes({ sliceSize: 8, sliceFailures: 2 });
    const h = harness(fake.routes);
    const bytes = new TextEncoder().encode(text);
    const source = {
      size: bytes.length,
      read: (s: number, e: number) => () => new Blob([bytes.slice(s, e)]).stream(),
    };
    const result = await uploadFile(h.client.upload, {
      parentId: 3,
      filename: 'a.bin',
      source,
      md5: md5(bytes),
      concurrency: 2,
      singleMaxBytes: 0,
    });
    expect(result.method).toBe('sliced');
    expect(fake.slices.get(3)).toBe(text.slice(16));
  });

  it('sends a reader body with its Content-Length, reading it again on every attempt', async () => {
    const fake = uploadRoutes({ sliceSize: 8, sliceFailures: 1 });
    const h = harness(fake.routes);
    const bytes = new TextEncoder().encode(text.slice(0, 8));
    let reads = 0;
    const body = {
      size: bytes.length,
      read: async (into: Uint8Array, offset: number) => {
        reads++;
        into.set(bytes.subarray(offset, offset + into.byteLength));
      },
    };
    await h.client.upload.uploadSlice({
      server: UPLOAD,
      preuploadId: 'pre-1',
      sliceNo: 1,
      body,
      md5: md5(bytes),
    });
    expect(fake.slices.get(1)).toBe(text.slice(0, 8));
    expect(reads).toBe(2);
    const calls = h.callsTo('/upload/v2/file/slice');
    expect(calls).toHaveLength(2);
    expect(parseMultipart(calls[1] as RecordedCall).fields).toMatchObject({
      sliceNo: '1',
      sliceMD5: md5(bytes),
    });
    const sent = new TextEncoder().encode(calls[1]?.body ?? '').byteLength;
    expect(calls[1]?.headers['content-length']).toBe(String(sent));
  });

  it('stops sending slices after one is finally rejected, and reports upload_failed', async () => {
    const fake = uploadRoutes();
    let sent = 0;
    const h = harness({
      ...fake.routes,
      '/upload/v2/file/slice': () => (++sent >= 2 ? envelope(null, 1, '分片大小不正确') : envelope(null)),
    });
    const error = await uploadFile(h.client.upload, {
      parentId: 0,
      filename: 'x',
      source: new Blob([text]),
      concurrency: 1,
      singleMaxBytes: 0,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'upload_failed', serviceCode: 1 });
    expect(sent).toBe(4); // slice 1, then slice 2 three times; slices 3..5 never go out
    expect(h.callsTo('/upload/v2/file/upload_complete')).toHaveLength(0);
  });

  it('stops at a rapid-upload hit', async () => {
    const h = harness(uploadRoutes({ reuse: true }).routes);
    expect(
      await uploadFile(h.client.upload, {
        parentId: 0,
        filename: 'x',
        source: new Blob([text]),
        singleMaxBytes: 0,
      }),
    ).toEqual({ fileId: 4242, method: 'md5' });
    expect(h.callsTo('/upload/v2/file/slice')).toHaveLength(0);
  });

  it('uses the single-step upload for small files, on the domain host', async () => {
    const h = harness(uploadRoutes().routes);
    const r = await uploadFile(h.client.upload, {
      parentId: 0,
      filename: 'small.txt',
      source: new Blob([text]),
      singleMaxBytes: 1024,
    });
    expect(r).toEqual({ fileId: 777, method: 'single' });
    const call = h.callsTo('/upload/v2/file/single/create')[0]!;
    expect(call.url.origin).toBe(UPLOAD);
    const { fields, filename } = parseMultipart(call);
    expect(fields).toMatchObject({
      parentFileID: '0',
      filename: 'small.txt',
      size: '20',
      duplicate: '0',
      containDir: 'false',
    });
    expect(filename).toBe('small.txt');
  });

  it('fails with upload_failed when completion never comes', async () => {
    const h = harness(uploadRoutes({ notYet: Array(10).fill('false') }).routes);
    const session = await h.client.upload.create({ parentId: 0, filename: 'x', size: 3, md5: md5('abc') });
    expect(session.reuse).toBe(false);
    await expect(h.client.upload.complete('pre-1', { budget: 5 })).rejects.toMatchObject({
      code: 'upload_failed',
    });
    expect(h.callsTo('/upload/v2/file/upload_complete')).toHaveLength(5);
  });

  it("polls completion at the pacer's interval and stops at the pacer's budget", async () => {
    const h = harness(uploadRoutes({ notYet: Array(10).fill('false') }).routes, {
      retry: { pollMs: 3000, completionPolls: 4 },
    });
    const started = h.clock.now();
    await expect(h.client.upload.complete('pre-1')).rejects.toMatchObject({ code: 'upload_failed' });
    expect(h.callsTo('/upload/v2/file/upload_complete')).toHaveLength(4);
    expect(h.clock.now() - started).toBe(3 * 3000);
  });

  it('validates input before any request', async () => {
    const h = harness({});
    await expect(
      h.client.upload.create({ parentId: 0, filename: 'a:b', size: 1, md5: md5('a') }),
    ).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(
      h.client.upload.create({ parentId: 0, filename: 'a', size: 11 * 1024 ** 3, md5: md5('a') }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(
      h.client.upload.create({ parentId: 0, filename: 'd/e.txt', containDir: true, size: 1, md5: 'zz' }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(h.fetch.calls).toHaveLength(0);
  });

  it('retries download_info through 20103 and reads the URL expiry', async () => {
    let n = 0;
    const h = harness({
      '/api/v1/file/download_info': () =>
        ++n < 3 ? envelope(null, 20103) : envelope({ downloadUrl: 'https://cdn.test/f?t=1800000000&s=x' }),
    });
    const ticket = await h.client.download.info(5);
    expect(ticket).toEqual({ url: 'https://cdn.test/f?t=1800000000&s=x', expiresAt: 1_800_000_000_000 });
    expect(h.callsTo('/api/v1/file/download_info')[0]?.url.searchParams.get('fileId')).toBe('5');
  });
});

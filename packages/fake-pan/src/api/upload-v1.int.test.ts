import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';

let pan: FakePan;
let token: string;

beforeAll(async () => {
  pan = await startFakePan({ faults: { rateLimits: false }, switches: { sliceSize: 1024 } });
  token = await login(pan);
});
afterAll(() => pan.close());

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');
const bytes = Uint8Array.from({ length: 2500 }, (_, i) => (i * 7 + 3) & 0xff);
const post = <T>(path: string, body: unknown) => api<T>(pan, 'POST', path, { token, body });

interface V1Create {
  fileID: number;
  reuse: boolean;
  preuploadID: string;
  sliceSize: number;
}

async function createV1(filename: string, etag = md5(bytes)) {
  const parent = pan.state.addFolder('/v1').id;
  const env = await post<V1Create>('/upload/v1/file/create', {
    parentFileID: parent,
    filename,
    etag,
    size: bytes.length,
  });
  expect(env.code).toBe(0);
  return env.data;
}

/** get_upload_url then a bare PUT (no Authorization, no Platform), as §7.9 prescribes. */
async function putPart(preuploadID: string, sliceNo: number, part: Uint8Array): Promise<number> {
  const url = await post<{ presignedURL: string; isMultipart: boolean }>('/upload/v1/file/get_upload_url', {
    preuploadID,
    sliceNo,
  });
  expect(url.code).toBe(0);
  expect(url.data.isMultipart).toBe(true);
  const res = await fetch(url.data.presignedURL, { method: 'PUT', body: part });
  expect(await res.text()).toBe('');
  return res.status;
}

const partOf = (n: number) => bytes.subarray((n - 1) * 1024, n * 1024);

describe('v1 upload (legacy flow)', () => {
  it('create without servers, presigned PUTs, list_upload_parts, async completion, then the bytes download', async () => {
    const session = await createV1('legacy.bin');
    expect(session).toMatchObject({ fileID: 0, reuse: false, sliceSize: 1024 });
    expect(Object.keys(session).sort()).toEqual(['fileID', 'preuploadID', 'reuse', 'sliceSize']);
    for (const n of [3, 1]) expect(await putPart(session.preuploadID, n, partOf(n))).toBe(200);
    const listed = await post<{ parts: { partNumber: string; size: number; etag: string }[] }>(
      '/upload/v1/file/list_upload_parts',
      { preuploadID: session.preuploadID },
    );
    expect(listed.data.parts).toEqual([
      { partNumber: '1', size: 1024, etag: md5(partOf(1)) },
      { partNumber: '3', size: 452, etag: md5(partOf(3)) },
    ]);
    expect(await putPart(session.preuploadID, 2, partOf(2))).toBe(200);
    const first = await post('/upload/v1/file/upload_complete', { preuploadID: session.preuploadID });
    expect(first).toMatchObject({ code: 0, data: { async: true, completed: false, fileID: 0 } });
    const done = await post<{ completed: boolean; fileID: number }>('/upload/v1/file/upload_async_result', {
      preuploadID: session.preuploadID,
    });
    expect(done.data.completed).toBe(true);
    expect(pan.state.pathOf(done.data.fileID)).toBe('/v1/legacy.bin');
    const info = await api<{ downloadUrl: string }>(pan, 'GET', '/api/v1/file/download_info', {
      token,
      query: { fileId: done.data.fileID },
    });
    expect(md5(new Uint8Array(await (await fetch(info.data.downloadUrl)).arrayBuffer()))).toBe(md5(bytes));
    const again = await post('/upload/v1/file/upload_complete', { preuploadID: session.preuploadID });
    expect(again.data).toEqual({ async: false, completed: true, fileID: done.data.fileID });
    const rapid = await createV1('legacy-again.bin');
    expect(rapid).toMatchObject({ reuse: true });
    expect(rapid.fileID).toBeGreaterThan(0);
  });

  it('refuses unknown presigned URLs (403) and wrong-sized parts (400); completion checks the whole MD5', async () => {
    const session = await createV1('bad.bin', md5(new Uint8Array([1, 2, 3])));
    expect(
      (await fetch(`${pan.uploadUrl}/upload/v1/presigned?ticket=nope`, { method: 'PUT', body: 'x' })).status,
    ).toBe(403);
    expect(await putPart(session.preuploadID, 1, partOf(1).subarray(0, 10))).toBe(400);
    for (const n of [1, 2, 3]) expect(await putPart(session.preuploadID, n, partOf(n))).toBe(200);
    pan.faults.set({ completePolls: 0 });
    try {
      const failed = await post('/upload/v1/file/upload_complete', { preuploadID: session.preuploadID });
      expect(failed).toMatchObject({ code: 1, message: '文件上传失败', data: null });
    } finally {
      pan.faults.reset();
    }
    const slices = await post('/upload/v1/file/get_upload_url', {
      preuploadID: session.preuploadID,
      sliceNo: 1,
    });
    expect(slices.code).toBe(1); // the failed session is gone
  });
});

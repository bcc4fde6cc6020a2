/**
 * Audit sweep (reference §3, §4, §7, §8, §12 user/info): every answer has exactly the
 * reference's field names, and an upload beyond the quota answers code 1 with the configurable
 * message.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, login, type Envelope } from '../testing/api-call';

let pan: FakePan;
let token: string;

beforeAll(async () => {
  pan = await startFakePan({ faults: { rateLimits: false, completePolls: 0 } });
  token = await login(pan);
});
afterAll(() => pan.close());

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const keys = (value: unknown) => Object.keys(value as object).sort();

describe('exact field names of every answer (§3, §4, §7, §8)', () => {
  test('user/info, detail, v1 list items', async () => {
    const user = await api(pan, 'GET', '/api/v1/user/info', { token });
    expect(keys(user.data)).toEqual([
      'developerInfo',
      'directTraffic',
      'headImage',
      'httpsCount',
      'isHideUID',
      'mail',
      'nickname',
      'passport',
      'spacePermanent',
      'spaceTemp',
      'spaceTempExpr',
      'spaceUsed',
      'uid',
      'vip',
      'vipInfo',
    ]);
    const file = await pan.state.addFile('/shape/s.txt', 'shape');
    const detail = await api(pan, 'GET', '/api/v1/file/detail', { token, query: { fileID: file.id } });
    expect(keys(detail.data)).toEqual([
      'createAt',
      'etag',
      'fileID',
      'filename',
      'parentFileID',
      'size',
      'status',
      'trashed',
      'type',
    ]);
    const v1 = await api<{ total: number; fileList: unknown[] }>(pan, 'GET', '/api/v1/file/list', {
      token,
      query: { parentFileId: file.parentId, page: 1, limit: 10 },
    });
    expect(keys(v1.data)).toEqual(['fileList', 'total']);
    expect(keys(v1.data.fileList[0])).toEqual([
      'category',
      'contentType',
      'createAt',
      'downloadUrl',
      'etag',
      'fileID',
      'filename',
      'hidden',
      'parentFileId',
      'parentName',
      'punishFlag',
      's3KeyFlag',
      'size',
      'status',
      'storageNode',
      'thumbnail',
      'type',
      'updateAt',
    ]);
    const v2 = await api<{ lastFileId: number }>(pan, 'GET', '/api/v2/file/list', {
      token,
      query: { parentFileId: file.parentId, limit: 10 },
    });
    expect(keys(v2.data)).toEqual(['fileList', 'lastFileId']);
    const info = await api(pan, 'GET', '/api/v1/file/download_info', { token, query: { fileId: file.id } });
    expect(keys(info.data)).toEqual(['downloadUrl']);
  });

  test('create (fresh and rapid), upload_complete, single/create, domain', async () => {
    const text = 'shape upload';
    const parent = pan.state.addFolder('/shape-up').id;
    const fresh = await api<{ preuploadID: string }>(pan, 'POST', '/upload/v2/file/create', {
      token,
      body: { parentFileID: parent, filename: 'f.txt', etag: md5(text), size: text.length },
    });
    expect(keys(fresh.data)).toEqual(['fileID', 'preuploadID', 'reuse', 'servers', 'sliceSize']);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      parentFileID: String(parent),
      filename: 'g.txt',
      etag: md5(text),
      size: String(text.length),
    }))
      form.set(k, v);
    form.set('file', new Blob([text]), 'g.txt');
    const single = (await (
      await fetch(`${pan.uploadUrl}/upload/v2/file/single/create`, {
        method: 'POST',
        headers: { Platform: 'open_platform', Authorization: `Bearer ${token}` },
        body: form,
      })
    ).json()) as Envelope;
    expect(single).toMatchObject({ code: 0, message: 'ok' });
    expect(keys(single.data)).toEqual(['completed', 'fileID']);
    const rapid = await api(pan, 'POST', '/upload/v2/file/create', {
      token,
      body: { parentFileID: parent, filename: 'h.txt', etag: md5(text), size: text.length },
    });
    expect(keys(rapid.data)).toEqual(['fileID', 'reuse']);
    const domain = await api(pan, 'GET', '/upload/v2/file/domain', { token });
    expect(domain.data).toEqual([pan.uploadUrl]);
    pan.faults.set({ completePolls: 1 });
    try {
      const notYet = await api(pan, 'POST', '/upload/v2/file/upload_complete', {
        token,
        body: { preuploadID: fresh.data.preuploadID },
      });
      expect(notYet.code).not.toBe(0); // slices are missing: a non-zero code, data null
      expect(notYet.data).toBeNull();
    } finally {
      pan.faults.set({ completePolls: 0 });
    }
  });
});

describe('quota (§12 user/info)', () => {
  test('uploads beyond quotaBytes answer code 1 with the configurable message; user/info shows the quota', async () => {
    const used = pan.state.spaceUsed();
    pan.faults.set({ quotaBytes: used + 10 });
    pan.switches.set({ quotaExceededMessage: 'quota is full (test wording)' });
    try {
      const user = await api<{ spaceUsed: number; spacePermanent: number }>(pan, 'GET', '/api/v1/user/info', {
        token,
      });
      expect(user.data).toMatchObject({ spaceUsed: used, spacePermanent: used + 10 });
      const body = { parentFileID: 0, filename: 'big.bin', etag: md5('x'.repeat(11)), size: 11 };
      expect(await api(pan, 'POST', '/upload/v2/file/create', { token, body })).toMatchObject({
        code: 1,
        message: 'quota is full (test wording)',
        data: null,
      });
      const fits = await api(pan, 'POST', '/upload/v2/file/create', {
        token,
        body: { ...body, etag: md5('x'.repeat(10)), size: 10 },
      });
      expect(fits.code).toBe(0);
    } finally {
      pan.faults.reset();
      pan.faults.set({ rateLimits: false, completePolls: 0 });
      pan.switches.set({ quotaExceededMessage: '网盘空间不足,请清理空间或升级会员' });
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';

let pan: FakePan;
let token: string;

beforeAll(async () => {
  pan = await startFakePan({ faults: { rateLimits: false } });
  token = await login(pan);
});
afterAll(() => pan.close());

describe('file/detail', () => {
  test('uses fileID / parentFileID casing; a folder reports the total size of its contents', async () => {
    const a = await pan.state.addFile('/docs/a.txt', 'hello');
    await pan.state.addFile('/docs/deep/b.txt', '0123456789');
    const docs = pan.state.find('/docs');
    const file = await api<Record<string, unknown>>(pan, 'GET', '/api/v1/file/detail', {
      token,
      query: { fileID: a.id },
    });
    expect(file.data).toMatchObject({
      fileID: a.id,
      filename: 'a.txt',
      type: 0,
      size: 5,
      parentFileID: docs?.id,
      trashed: 0,
    });
    expect(file.data['etag']).toBe(a.md5);
    const folder = await api<Record<string, unknown>>(pan, 'GET', '/api/v1/file/detail', {
      token,
      query: { fileID: String(docs?.id) },
    });
    expect(folder.data).toMatchObject({ type: 1, size: 15, etag: '' });
  });

  test('unknown id → 5066 with data null; the query key is fileID', async () => {
    const env = await api(pan, 'GET', '/api/v1/file/detail', { token, query: { fileID: 424242 } });
    expect(env).toMatchObject({ code: 5066, data: null });
    expect(
      (await api(pan, 'GET', '/api/v1/file/detail', { token, query: { fileId: 424242 } })).code,
    ).not.toBe(0);
  });
});

describe('file/infos', () => {
  test('answers list and fileList by default, one of them with the switch', async () => {
    const a = pan.state.find('/docs/a.txt');
    const b = pan.state.find('/docs/deep/b.txt');
    const both = await api<Record<string, { fileId: number }[]>>(pan, 'POST', '/api/v1/file/infos', {
      token,
      body: { fileIds: [a?.id, String(b?.id), 99999] },
    });
    expect(both.data['list']?.map((i) => i.fileId)).toEqual([a?.id, b?.id]);
    expect(both.data['fileList']).toEqual(both.data['list']);
    for (const key of ['list', 'fileList'] as const) {
      pan.switches.set({ infosListKey: key });
      const env = await api<Record<string, unknown>>(pan, 'POST', '/api/v1/file/infos', {
        token,
        body: { fileIds: [a?.id] },
      });
      expect(Object.keys(env.data)).toEqual([key]);
    }
    pan.switches.set({ infosListKey: 'both' });
  });

  test('all ids unknown → 5066; over 100 ids → non-zero', async () => {
    expect((await api(pan, 'POST', '/api/v1/file/infos', { token, body: { fileIds: [1, 2] } })).code).toBe(
      5066,
    );
    const many = Array.from({ length: 101 }, (_, i) => i + 1);
    expect((await api(pan, 'POST', '/api/v1/file/infos', { token, body: { fileIds: many } })).code).toBe(1);
  });
});

describe('user/info', () => {
  test('spaceUsed is computed, spacePermanent is the quota, vipInfo null for free users', async () => {
    pan.faults.set({ quotaBytes: 1_000_000 });
    const env = await api<Record<string, unknown>>(pan, 'GET', '/api/v1/user/info', { token });
    expect(env.data).toMatchObject({
      spaceUsed: 15,
      spacePermanent: 1_000_000,
      spaceTemp: 0,
      vip: false,
      vipInfo: null,
    });
    expect(typeof env.data['uid']).toBe('number');
  });
});

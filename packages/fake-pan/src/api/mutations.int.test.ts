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

const post = <T = unknown>(path: string, body: unknown) => api<T>(pan, 'POST', path, { token, body });
const NAME_RULE = '文件名要小于256个字符且不能包含以下任何字符';

describe('mkdir', () => {
  test('returns dirID; parentID may be a numeric string; keys are case-insensitive', async () => {
    const env = await post<{ dirID: number }>('/upload/v1/file/mkdir', { name: 'm1', parentID: 0 });
    expect(env.code).toBe(0);
    expect(pan.state.get(env.data.dirID)).toMatchObject({ name: 'm1', type: 1, parentId: 0 });
    const nested = await post<{ dirID: number }>('/upload/v1/file/mkdir', {
      NAME: 'm2',
      parentid: String(env.data.dirID),
    });
    expect(pan.state.pathOf(nested.data.dirID)).toBe('/m1/m2');
  });

  test('a sibling with the same name → code 1 with the 同名文件夹 message', async () => {
    const env = await post('/upload/v1/file/mkdir', { name: 'm1', parentID: 0 });
    expect(env).toMatchObject({ code: 1, message: '该目录下已经有同名文件夹,无法进行创建', data: null });
  });

  test('bad names → code 1 with the name-rule message; unknown parent → 5066', async () => {
    for (const name of ['a/b', 'a?', ' ', 'x'.repeat(256), '']) {
      const env = await post('/upload/v1/file/mkdir', { name, parentID: 0 });
      expect(env.code).toBe(1);
      expect(env.message.startsWith(NAME_RULE)).toBe(true);
    }
    expect((await post('/upload/v1/file/mkdir', { name: 'ok', parentID: 5 })).code).toBe(5066);
  });
});

describe('rename', () => {
  test('one via PUT file/name; clash and bad names refused', async () => {
    const a = await pan.state.addFile('/r/a.txt', 'a');
    await pan.state.addFile('/r/b.txt', 'b');
    const put = (fileName: string) =>
      api(pan, 'PUT', '/api/v1/file/name', { token, body: { fileId: a.id, fileName } });
    expect((await put('c.txt')).code).toBe(0);
    expect(pan.state.get(a.id)?.name).toBe('c.txt');
    expect((await put('b.txt')).code).not.toBe(0);
    expect((await put('bad:name')).message.startsWith(NAME_RULE)).toBe(true);
    expect(
      (await api(pan, 'POST', '/api/v1/file/name', { token, body: { fileId: a.id, fileName: 'z' } })).code,
    ).not.toBe(0);
  });

  test('many via "id|name", at most 30, all or nothing; data null', async () => {
    const x = await pan.state.addFile('/r/x.txt', 'x');
    const y = await pan.state.addFile('/r/y.txt', 'y');
    const ok = await post('/api/v1/file/rename', { renameList: [`${x.id}|x2.txt`, `${y.id}|y2.txt`] });
    expect(ok).toMatchObject({ code: 0, data: null });
    expect([pan.state.get(x.id)?.name, pan.state.get(y.id)?.name]).toEqual(['x2.txt', 'y2.txt']);
    const clash = await post('/api/v1/file/rename', { renameList: [`${x.id}|x3.txt`, `${y.id}|b.txt`] });
    expect(clash.code).not.toBe(0);
    expect(pan.state.get(x.id)?.name).toBe('x2.txt');
    const tooMany = Array.from({ length: 31 }, (_, i) => `${x.id}|n${i}.txt`);
    expect((await post('/api/v1/file/rename', { renameList: tooMany })).code).not.toBe(0);
    expect((await post('/api/v1/file/rename', { renameList: ['nope'] })).code).not.toBe(0);
    expect((await post('/api/v1/file/rename', { renameList: ['123|a'] })).code).toBe(5066);
  });

  test('names can be swapped within one batch', async () => {
    const x = pan.state.find('/r/x2.txt');
    const y = pan.state.find('/r/y2.txt');
    expect(
      (await post('/api/v1/file/rename', { renameList: [`${x?.id}|y2.txt`, `${y?.id}|x2.txt`] })).code,
    ).toBe(0);
    expect(pan.state.find('/r/y2.txt')?.id).toBe(x?.id);
  });

  test('with renameManyResponse "lists" each entry succeeds or fails on its own', async () => {
    pan.switches.set({ renameManyResponse: 'lists' });
    try {
      const x = pan.state.find('/r/y2.txt');
      const env = await post<{ successList: { fileID: number }[]; failList: { fileID: number }[] }>(
        '/api/v1/file/rename',
        {
          renameList: [`${x?.id}|x9.txt`, '55555|q.txt'],
        },
      );
      expect(env.code).toBe(0);
      expect(env.data.successList.map((s) => s.fileID)).toEqual([x?.id]);
      expect(env.data.failList.map((s) => s.fileID)).toEqual([55555]);
    } finally {
      pan.switches.set({ renameManyResponse: 'null' });
    }
  });
});

describe('move', () => {
  test('moves many into a folder or root (0); ids may be strings', async () => {
    const f1 = await pan.state.addFile('/mv/src/1.txt', '1');
    const f2 = await pan.state.addFile('/mv/src/2.txt', '2');
    const dst = pan.state.addFolder('/mv/dst');
    expect(
      (await post('/api/v1/file/move', { fileIDs: [f1.id, String(f2.id)], toParentFileID: dst.id })).code,
    ).toBe(0);
    expect(pan.state.list('/mv/dst').map((n) => n.name)).toEqual(['1.txt', '2.txt']);
    expect((await post('/api/v1/file/move', { fileIDs: [f1.id], toParentFileID: 0 })).code).toBe(0);
    expect(pan.state.get(f1.id)?.parentId).toBe(0);
  });

  test('name clash in the target, cycles, root and unknown ids are refused', async () => {
    await pan.state.addFile('/mv/dst/1.txt', 'other');
    const top = pan.state.find('/1.txt');
    const dst = pan.state.find('/mv/dst');
    const mv = pan.state.find('/mv');
    expect((await post('/api/v1/file/move', { fileIDs: [top?.id], toParentFileID: dst?.id })).code).toBe(1);
    expect(pan.state.get(top?.id ?? 0)?.parentId).toBe(0);
    expect((await post('/api/v1/file/move', { fileIDs: [mv?.id], toParentFileID: dst?.id })).code).toBe(1);
    expect((await post('/api/v1/file/move', { fileIDs: [0], toParentFileID: dst?.id })).code).toBe(1);
    expect((await post('/api/v1/file/move', { fileIDs: [777], toParentFileID: 0 })).code).toBe(5066);
    expect((await post('/api/v1/file/move', { fileIDs: [top?.id], toParentFileID: 777 })).code).toBe(5066);
    expect((await post('/api/v1/file/move', { fileIDs: [top?.id], toParentFileID: top?.id })).code).toBe(1);
  });

  test('more than 100 ids → non-zero code', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => i + 1);
    expect((await post('/api/v1/file/move', { fileIDs: ids, toParentFileID: 0 })).code).toBe(1);
  });
});

describe('trash, recover, delete', () => {
  test('trash keeps the parent; delete refuses live items and removes trashed ones for good', async () => {
    const f = await pan.state.addFile('/t/a.txt', 'a');
    const live = await pan.state.addFile('/t/b.txt', 'b');
    expect(await post('/api/v1/file/trash', { fileIDs: [f.id] })).toMatchObject({ code: 0, data: null });
    expect(pan.state.get(f.id)).toMatchObject({ trashed: true, parentId: pan.state.find('/t')?.id });
    expect((await post('/api/v1/file/delete', { fileIDs: [f.id, live.id] })).code).toBe(1);
    expect(pan.state.get(f.id)).toBeDefined();
    expect(await post('/api/v1/file/delete', { fileIDs: [f.id] })).toMatchObject({ code: 0, data: null });
    expect(pan.state.get(f.id)).toBeUndefined();
    expect((await post('/api/v1/file/delete', { fileIDs: [f.id] })).code).toBe(5066);
  });

  test('recover answers abnormalFileIDs for items whose parent is trashed', async () => {
    const folder = pan.state.addFolder('/rc');
    const inner = await pan.state.addFile('/rc/in.txt', 'i');
    const top = await pan.state.addFile('/top.txt', 't');
    await post('/api/v1/file/trash', { fileIDs: [inner.id, top.id] });
    await post('/api/v1/file/trash', { fileIDs: [folder.id] });
    const env = await post<{ abnormalFileIDs: number[] }>('/api/v1/file/recover', {
      fileIDs: [inner.id, top.id],
    });
    expect(env.data.abnormalFileIDs).toEqual([inner.id]);
    expect(pan.state.get(top.id)?.trashed).toBe(false);
    expect(pan.state.get(inner.id)?.trashed).toBe(true);
  });

  test('recover/by_path restores into the given folder, data null', async () => {
    expect(pan.state.find('/rc')).toBeUndefined(); // trashed folders are not found by path
    const rc = pan.state.list(0).find((n) => n.name === 'rc');
    const file = pan.state.list(rc?.id ?? -1)[0];
    const env = await post('/api/v1/file/recover/by_path', { fileIDs: [file?.id], parentFileID: 0 });
    expect(env).toMatchObject({ code: 0, data: null });
    expect(pan.state.get(file?.id ?? 0)).toMatchObject({ parentId: 0, trashed: false });
  });

  test('root is immutable; over 100 ids and empty lists are refused; unknown ids → 5066', async () => {
    expect((await post('/api/v1/file/trash', { fileIDs: [0] })).code).toBe(1);
    expect((await post('/api/v1/file/trash', { fileIDs: [] })).code).toBe(1);
    const many = Array.from({ length: 101 }, (_, i) => i + 1);
    for (const path of ['/api/v1/file/trash', '/api/v1/file/delete', '/api/v1/file/recover']) {
      expect((await post(path, { fileIDs: many })).code).toBe(1);
      expect((await post(path, { fileIDs: [31337] })).code).toBe(5066);
    }
    expect((await post('/api/v1/file/recover/by_path', { fileIDs: many, parentFileID: 0 })).code).toBe(1);
    expect((await post('/api/v1/file/trash', { fileids: ['abc'] })).code).toBe(1);
  });

  test('spaceUsed counts trash by default and not with the switch', async () => {
    const f = await pan.state.addFile('/q/big.bin', 'x'.repeat(1000));
    const before = pan.state.spaceUsed();
    await post('/api/v1/file/trash', { fileIDs: [f.id] });
    expect(pan.state.spaceUsed()).toBe(before);
    pan.switches.set({ trashCountsTowardsQuota: false });
    expect(pan.state.spaceUsed()).toBe(before - 1000);
    pan.switches.set({ trashCountsTowardsQuota: true });
  });
});

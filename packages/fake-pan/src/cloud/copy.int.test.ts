import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import { startFakePan, type FakePan } from '../index';
import { api, call, login } from '../testing/api-call';
import { COPY_MESSAGES } from './copy-plan';
import { COPY_ONE_FOLDER_MESSAGE } from './copy-routes';

let pan: FakePan | undefined;
afterEach(async () => {
  await pan?.close();
  pan = undefined;
});

async function setup(options: Parameters<typeof startFakePan>[0] = {}) {
  pan = await startFakePan({ faults: { rateLimits: false }, ...options });
  const token = await login(pan);
  const copyOne = (fileId: number, targetDirId: number) =>
    api<Record<string, number>>(pan!, 'POST', '/api/v1/file/copy', { token, body: { fileId, targetDirId } });
  const copyMany = (ids: number[], targetDirId: number, key = 'fileIDs') =>
    api<{ taskId: number }>(pan!, 'POST', '/api/v1/file/async/copy', {
      token,
      body: { [key]: ids, targetDirId },
    });
  const progress = (taskId: number) =>
    api<{ taskId: number; status: number }>(pan!, 'GET', '/api/v1/file/async/copy/process', {
      token,
      query: { taskId },
    });
  return { pan, token, copyOne, copyMany, progress };
}

const names = (p: FakePan, path: string) =>
  p.state
    .list(path)
    .filter((n) => !n.trashed)
    .map((n) => n.name)
    .sort();

describe('copy one (synchronous)', () => {
  it('copies a file and answers the new id under targetFileId (the key is a switch)', async () => {
    const { pan, copyOne } = await setup();
    const file = await pan.state.addFile('/a/x.txt', 'xx');
    const dest = pan.state.addFolder('/b');
    const env = await copyOne(file.id, dest.id);
    expect(env.code).toBe(0);
    const copy = pan.state.get(env.data['targetFileId']!)!;
    expect(copy).toMatchObject({ name: 'x.txt', parentId: dest.id, md5: file.md5, size: 2 });
    expect(copy.id).not.toBe(file.id);
    expect(pan.state.get(file.id)?.parentId).toBe(pan.state.find('/a')!.id);
    pan.switches.set({ copyResultKey: 'targetFileID' });
    const again = await copyOne(file.id, 0);
    expect(Object.keys(again.data)).toEqual(['targetFileID']);
    expect(pan.state.get(again.data['targetFileID']!)?.parentId).toBe(0);
    expect(pan.state.spaceUsed()).toBe(6);
  });

  it('name clashes keep both with a suffix, or are refused (a switch)', async () => {
    const { pan, copyOne } = await setup();
    const file = await pan.state.addFile('/a/x.txt', 'xx');
    const a = pan.state.find('/a')!.id;
    expect((await copyOne(file.id, a)).code).toBe(0);
    expect((await copyOne(file.id, a)).code).toBe(0);
    expect(names(pan, '/a')).toEqual(['x(1).txt', 'x(2).txt', 'x.txt']);
    pan.switches.set({ copyNameClash: 'error' });
    expect(await copyOne(file.id, a)).toMatchObject({
      code: 1,
      message: '该目录下已经有同名文件,无法进行操作',
    });
    expect(names(pan, '/a')).toHaveLength(3);
  });

  it('refuses folders, unknown ids, trashed sources, bad targets and a full drive', async () => {
    const { pan, copyOne, token } = await setup({ faults: { rateLimits: false, quotaBytes: 5 } });
    const file = await pan.state.addFile('/a/x.txt', 'xxx');
    const folder = pan.state.find('/a')!;
    expect(await copyOne(folder.id, 0)).toMatchObject({ code: 1, message: COPY_ONE_FOLDER_MESSAGE });
    expect((await copyOne(987654321, 0)).code).toBe(5066);
    expect((await copyOne(file.id, 987654321)).code).toBe(5066);
    expect((await copyOne(file.id, file.id)).code).toBe(1);
    expect(await copyOne(file.id, 0)).toMatchObject({
      code: 1,
      message: '网盘空间不足,请清理空间或升级会员',
    });
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [file.id] } });
    pan.faults.set({ quotaBytes: 1000 });
    expect(await copyOne(file.id, 0)).toMatchObject({ code: 1, message: COPY_MESSAGES.trashed });
    expect(names(pan, '/')).toEqual(['a']);
  });

  it('answers like an unknown route when the switch says the endpoint does not exist', async () => {
    const { pan, token } = await setup({ switches: { copyOneAvailable: false } });
    const file = await pan.state.addFile('/x.txt', 'x');
    const res = await call(pan, 'POST', '/api/v1/file/copy', {
      token,
      body: { fileId: file.id, targetDirId: 0 },
    });
    expect(res.status).toBe(404);
  });
});

describe('async copy', () => {
  it('copies folders recursively (live children only) through pending, running, done on the clock', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 0, 1) });
    const { pan, copyMany, progress, token } = await setup({
      clock,
      faults: { rateLimits: false, asyncCopyPendingMs: 1000, asyncCopyRunMs: 2000 },
    });
    await pan.state.addFile('/src/a.txt', 'a');
    await pan.state.addFile('/src/deep/b.txt', 'bb');
    const gone = await pan.state.addFile('/src/deep/gone.txt', 'g');
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [gone.id] } });
    const loose = await pan.state.addFile('/loose.bin', 'l');
    const dest = pan.state.addFolder('/dest');
    const env = await copyMany([pan.state.find('/src')!.id, loose.id], dest.id, 'fileIds');
    expect(env.code).toBe(0);
    const { taskId } = env.data;
    expect((await progress(taskId)).data).toEqual({ taskId, status: 0 });
    await clock.advance(1000);
    expect((await progress(taskId)).data.status).toBe(1);
    expect(names(pan, '/dest')).toEqual([]);
    await clock.advance(2000);
    await pan.cloud.copies.idle();
    expect((await progress(taskId)).data.status).toBe(2);
    expect(names(pan, '/dest')).toEqual(['loose.bin', 'src']);
    expect(names(pan, '/dest/src')).toEqual(['a.txt', 'deep']);
    expect(names(pan, '/dest/src/deep')).toEqual(['b.txt']);
    expect(pan.state.find('/dest/src/deep/b.txt')?.md5).toBe(pan.state.find('/src/deep/b.txt')?.md5);
  });

  it('validates at once: id count 1..3000, unknown ids, copy into itself, bad target', async () => {
    const { pan, copyMany } = await setup();
    const folder = pan.state.addFolder('/f/inner');
    const outer = pan.state.find('/f')!;
    expect((await copyMany([], 0)).code).toBe(1);
    expect(
      (
        await copyMany(
          Array.from({ length: 3001 }, () => outer.id),
          0,
        )
      ).code,
    ).toBe(1);
    expect(
      (
        await copyMany(
          Array.from({ length: 3000 }, () => outer.id),
          0,
        )
      ).code,
    ).toBe(0);
    expect((await copyMany([987654321], 0)).code).toBe(5066);
    expect(await copyMany([outer.id], folder.id)).toMatchObject({ code: 1, message: COPY_MESSAGES.intoSelf });
    expect((await copyMany([outer.id], 987654321)).code).toBe(5066);
  });

  it('fails the task (status 3, nothing copied) when the quota is used up before it runs', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 0, 1) });
    const { pan, copyMany, progress } = await setup({
      clock,
      faults: { rateLimits: false, asyncCopyPendingMs: 1000, quotaBytes: 10 },
    });
    const file = await pan.state.addFile('/x.bin', 'xxxx');
    const { taskId } = (await copyMany([file.id], 0)).data;
    await pan.state.addFile('/filler.bin', 'ffff');
    await clock.advance(1000);
    await pan.cloud.copies.idle();
    expect((await progress(taskId)).data.status).toBe(3);
    expect(pan.cloud.copies.get(taskId)?.reason).toBe('网盘空间不足,请清理空间或升级会员');
    expect(names(pan, '/')).toEqual(['filler.bin', 'x.bin']);
    expect((await progress(987654)).code).toBe(1);
  });

  it('a running task is cancelled by close() without touching the drive afterwards', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 0, 1) });
    const { pan, copyMany } = await setup({
      clock,
      faults: { rateLimits: false, asyncCopyPendingMs: 60_000 },
    });
    const file = await pan.state.addFile('/x.bin', 'x');
    await copyMany([file.id], 0);
    expect(clock.pending()).toBeGreaterThan(0);
    await pan.close();
    expect(clock.pending()).toBe(0);
  });
});

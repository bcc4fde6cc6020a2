import { createManualClock } from '@pandesk/contract/testing';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { api } from '../testing/api-call';
import {
  bytesOf,
  complete,
  completeUntilDone,
  createUpload,
  md5,
  postSlice,
  startKit,
  uploadBytes,
  type CreateAnswer,
  type Kit,
} from './upload-test-kit';

const MiB = 1024 * 1024;
let kit: Kit | undefined;
afterEach(async () => {
  await kit?.pan.close();
  kit = undefined;
});

/** A small slice size keeps most tests fast; the 40 MB test uses the documented 16 MiB. */
async function smallSlices(options: Parameters<typeof startKit>[0] = {}): Promise<Kit> {
  kit = await startKit({ ...options, switches: { sliceSize: 64 * 1024, ...options.switches } });
  return kit;
}

async function started(k: Kit, bytes: Buffer, filename: string, extra: Record<string, unknown> = {}) {
  const env = await createUpload(k, {
    parentFileID: 0,
    filename,
    etag: md5(bytes),
    size: bytes.length,
    ...extra,
  });
  expect(env.code, env.message).toBe(0);
  return env.data as Required<CreateAnswer>;
}

describe('upload domain', () => {
  it('answers a bare array holding the upload host', async () => {
    const k = await smallSlices();
    const env = await api<string[]>(k.pan, 'GET', '/upload/v2/file/domain', { token: k.token });
    expect(env).toMatchObject({ code: 0, message: 'ok', data: [k.pan.uploadUrl] });
  });
});

describe('v2 sliced upload', () => {
  it('uploads 40 MB in 3 slices of 16 MiB, out of order and with a repeat, then completes asynchronously', async () => {
    kit = await startKit();
    const k = kit;
    const payload = bytesOf(40 * MiB, 1);
    const created = await started(k, payload, 'forty.bin', { duplicate: 0 });
    expect(created).toMatchObject({
      fileID: 0,
      reuse: false,
      sliceSize: 16 * MiB,
      servers: [k.pan.uploadUrl],
    });
    expect(created.preuploadID).toEqual(expect.any(String));
    const part = (n: number) => payload.subarray((n - 1) * 16 * MiB, n * 16 * MiB);
    for (const n of [3, 1, 2, 1]) {
      expect(await postSlice(k, created.servers[0]!, created.preuploadID, n, part(n))).toMatchObject({
        code: 0,
        data: null,
      });
    }
    // Slices sit on disk, not in memory.
    const sliceDir = join(k.pan.dataDir, 'uploads', created.preuploadID);
    expect(readdirSync(sliceDir).sort()).toEqual(['1', '2', '3']);

    expect(await complete(k, created.preuploadID)).toMatchObject({
      code: 0,
      data: { completed: false, fileID: 0 },
    });
    const done = await complete(k, created.preuploadID);
    expect(done).toMatchObject({ code: 0, data: { completed: true } });
    const fileID = done.data.fileID;
    expect(fileID).toBeGreaterThan(0);
    expect(await complete(k, created.preuploadID)).toMatchObject({
      code: 0,
      data: { completed: true, fileID },
    });
    expect(existsSync(sliceDir)).toBe(false);
    expect(k.pan.state.get(fileID)).toMatchObject({
      name: 'forty.bin',
      size: payload.length,
      md5: md5(payload),
      parentId: 0,
    });
    expect(k.pan.context.content.has(md5(payload), payload.length)).toBe(true);

    // Rapid re-upload of the same bytes under another name: no preuploadID, a new id.
    const again = await createUpload(k, {
      parentFileID: 0,
      filename: 'again.bin',
      etag: md5(payload),
      size: payload.length,
    });
    expect(again.code).toBe(0);
    expect(again.data.reuse).toBe(true);
    expect(again.data.fileID).toBeGreaterThan(fileID);
    expect(Object.keys(again.data).sort()).toEqual(['fileID', 'reuse']);
    expect(k.pan.state.find('/again.bin')?.md5).toBe(md5(payload));
  }, 120_000);

  it('accepts slices sent in parallel, and needs the token on the upload host', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(200_000, 40);
    const s = await started(k, bytes, 'parallel.bin');
    const parts = [1, 2, 3, 4].map((n) => bytes.subarray((n - 1) * 65536, n * 65536));
    const answers = await Promise.all(
      parts.map((p, i) => postSlice(k, s.servers[0]!, s.preuploadID, i + 1, p)),
    );
    expect(answers.map((a) => a.code)).toEqual([0, 0, 0, 0]);
    const anonymous = await postSlice(
      { ...k, token: 'not-a-token' },
      s.servers[0]!,
      s.preuploadID,
      1,
      parts[0]!,
    );
    expect(anonymous.code).toBe(401);
    const done = await completeUntilDone(k, s.preuploadID);
    expect(k.pan.state.get(done.data.fileID)?.md5).toBe(md5(bytes));
  });

  it('hands out largeSliceSize for files at or over largeFileThreshold', async () => {
    const k = await smallSlices({ switches: { largeFileThreshold: 1000, largeSliceSize: 128 * 1024 } });
    expect((await started(k, bytesOf(999, 2), 'small.bin')).sliceSize).toBe(64 * 1024);
    expect((await started(k, bytesOf(1000, 3), 'large.bin')).sliceSize).toBe(128 * 1024);
  });

  it('rejects a slice whose sliceMD5 does not match its bytes, unless the switch is off', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(100_000, 4);
    const s = await started(k, bytes, 'a.bin');
    const first = bytes.subarray(0, 65536);
    const bad = await postSlice(k, s.servers[0]!, s.preuploadID, 1, first, md5(Buffer.from('other')));
    expect(bad.code).not.toBe(0);
    expect(bad.data).toBeNull();
    k.pan.switches.set({ rejectSliceMd5Mismatch: false });
    expect((await postSlice(k, s.servers[0]!, s.preuploadID, 1, first, md5(Buffer.from('other')))).code).toBe(
      0,
    );
  });

  it('fails completion with 文件上传失败 when the bytes do not match the declared etag, then forgets the session', async () => {
    const k = await smallSlices({ faults: { completePolls: 0 } });
    const declared = bytesOf(100_000, 5);
    const sent = Buffer.from(declared);
    sent[70_000] = (sent[70_000] ?? 0) ^ 0xff;
    const s = await started(k, declared, 'corrupt.bin');
    expect((await postSlice(k, s.servers[0]!, s.preuploadID, 1, sent.subarray(0, 65536))).code).toBe(0);
    expect((await postSlice(k, s.servers[0]!, s.preuploadID, 2, sent.subarray(65536))).code).toBe(0);
    const failed = await complete(k, s.preuploadID);
    expect(failed.code).not.toBe(0);
    expect(failed.message).toBe('文件上传失败');
    expect(k.pan.state.find('/corrupt.bin')).toBeUndefined();
    expect((await complete(k, s.preuploadID)).code).not.toBe(0);
  });

  it('enforces exact slice sizes (all but the last = sliceSize, the last = the remainder)', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(150_000, 6);
    const s = await started(k, bytes, 'sizes.bin');
    const server = s.servers[0]!;
    expect((await postSlice(k, server, s.preuploadID, 1, bytes.subarray(0, 60_000))).code).not.toBe(0);
    expect((await postSlice(k, server, s.preuploadID, 3, bytes.subarray(131072, 140_000))).code).not.toBe(0);
    expect((await postSlice(k, server, s.preuploadID, 3, bytes.subarray(131072))).code).toBe(0);
    k.pan.switches.set({ enforceSliceSize: false });
    expect((await postSlice(k, server, s.preuploadID, 1, bytes.subarray(0, 60_000))).code).toBe(0);
  });

  it('refuses unknown preuploadIDs and slice numbers outside 1..count', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(100_000, 7);
    const s = await started(k, bytes, 'n.bin');
    const server = s.servers[0]!;
    expect((await postSlice(k, server, s.preuploadID, 0, bytes.subarray(0, 65536))).code).not.toBe(0);
    expect((await postSlice(k, server, s.preuploadID, 3, bytes.subarray(0, 10))).code).not.toBe(0);
    expect((await postSlice(k, server, 'no-such-id', 1, bytes.subarray(0, 65536))).code).not.toBe(0);
    expect((await complete(k, 'no-such-id')).code).not.toBe(0);
  });

  it('answers a non-zero code while slices are missing, and completes once they arrive', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(100_000, 8);
    const s = await started(k, bytes, 'late.bin');
    expect((await postSlice(k, s.servers[0]!, s.preuploadID, 2, bytes.subarray(65536))).code).toBe(0);
    const early = await complete(k, s.preuploadID);
    expect(early.code).not.toBe(0);
    expect(early.message).toContain('1');
    expect((await postSlice(k, s.servers[0]!, s.preuploadID, 1, bytes.subarray(0, 65536))).code).toBe(0);
    const done = await completeUntilDone(k, s.preuploadID);
    expect(done.data.completed).toBe(true);
    expect(k.pan.state.get(done.data.fileID)?.md5).toBe(md5(bytes));
  });

  it('answers "not yet" as code 20103 completePolls times when that style is chosen', async () => {
    const k = await smallSlices({ switches: { completeNotYetStyle: '20103' }, faults: { completePolls: 2 } });
    const bytes = bytesOf(1000, 9);
    const s = await started(k, bytes, 'v.bin');
    expect((await postSlice(k, s.servers[0]!, s.preuploadID, 1, bytes)).code).toBe(0);
    expect((await complete(k, s.preuploadID)).code).toBe(20103);
    expect((await complete(k, s.preuploadID)).code).toBe(20103);
    expect(await complete(k, s.preuploadID)).toMatchObject({ code: 0, data: { completed: true } });
  });

  it('expires sessions after uploadSessionLifetimeSec', async () => {
    const clock = createManualClock();
    const k = await smallSlices({ clock, faults: { uploadSessionLifetimeSec: 60 } });
    const bytes = bytesOf(1000, 10);
    const s = await started(k, bytes, 'old.bin');
    await clock.advance(61_000);
    expect((await postSlice(k, s.servers[0]!, s.preuploadID, 1, bytes)).code).not.toBe(0);
    expect((await complete(k, s.preuploadID)).code).not.toBe(0);
    expect(existsSync(join(k.pan.dataDir, 'uploads', s.preuploadID))).toBe(false);
  });
});

describe('create rules', () => {
  it('applies duplicate 0 (refuse), 1 (keep both) and 2 (overwrite, new id by default)', async () => {
    const k = await smallSlices();
    const original = await uploadBytes(k, 'same.txt', bytesOf(100, 11));
    const clash = await createUpload(k, {
      parentFileID: 0,
      filename: 'same.txt',
      etag: md5(bytesOf(5, 12)),
      size: 5,
    });
    expect(clash.code).not.toBe(0);
    const kept = await uploadBytes(k, 'same.txt', bytesOf(200, 13), { duplicate: 1 });
    expect(k.pan.state.get(kept)?.name).toBe('same(1).txt');
    const replaced = await uploadBytes(k, 'same.txt', bytesOf(300, 14), { duplicate: 2 });
    expect(replaced).not.toBe(original);
    expect(k.pan.state.get(original)).toBeUndefined();
    expect(k.pan.state.find('/same.txt')).toMatchObject({ id: replaced, size: 300 });
  });

  it('keeps the id on overwrite when overwriteKeepsId is on', async () => {
    const k = await smallSlices({ switches: { overwriteKeepsId: true } });
    const first = await uploadBytes(k, 'keep.txt', bytesOf(100, 15));
    const second = await uploadBytes(k, 'keep.txt', bytesOf(400, 16), { duplicate: 2 });
    expect(second).toBe(first);
    expect(k.pan.state.get(first)).toMatchObject({ size: 400, md5: md5(bytesOf(400, 16)) });
  });

  it('creates containDir folders, and none when the create is refused', async () => {
    const k = await smallSlices();
    const id = await uploadBytes(k, '/photos/2026/a.jpg', bytesOf(100, 17), { containDir: true });
    expect(k.pan.state.pathOf(id)).toBe('/photos/2026/a.jpg');
    const refused = await createUpload(k, {
      parentFileID: 0,
      filename: '/new/dir/b?.jpg',
      etag: md5(bytesOf(1, 1)),
      size: 1,
      containDir: true,
    });
    expect(refused.code).not.toBe(0);
    expect(k.pan.state.find('/new')).toBeUndefined();
  });

  it('applies the name rules, size limit, quota and unknown parent', async () => {
    const k = await smallSlices({ faults: { quotaBytes: 10_000 } });
    const body = (extra: Record<string, unknown>) => ({
      parentFileID: 0,
      filename: 'ok.bin',
      etag: md5(bytesOf(10, 1)),
      size: 10,
      ...extra,
    });
    const badName = await createUpload(k, body({ filename: 'a:b.txt' }));
    expect(badName.code).toBe(1);
    expect(badName.message.startsWith('文件名要小于256个字符且不能包含以下任何字符')).toBe(true);
    expect((await createUpload(k, body({ filename: 'x'.repeat(256) }))).code).toBe(1);
    expect((await createUpload(k, body({ size: 10 * 1024 ** 3 + 1 }))).code).not.toBe(0);
    expect((await createUpload(k, body({ size: 10_001 }))).code).not.toBe(0);
    expect((await createUpload(k, body({ parentFileID: 999 }))).code).toBe(5066);
    expect((await createUpload(k, body({}))).code).toBe(0);
  });

  it('accepts lenient input: case-insensitive keys and numeric strings', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(10, 18);
    const env = await createUpload(k, {
      parentFileId: '0',
      FileName: 'lenient.bin',
      etag: md5(bytes).toUpperCase(),
      size: '10',
    });
    expect(env.code, env.message).toBe(0);
  });

  it('treats zero-byte files as rapid uploads, or refuses them with allowZeroByteUpload off', async () => {
    const k = await smallSlices();
    const empty = {
      parentFileID: 0,
      filename: 'empty.txt',
      etag: 'd41d8cd98f00b204e9800998ecf8427e',
      size: 0,
    };
    const env = await createUpload(k, empty);
    expect(env).toMatchObject({ code: 0, data: { reuse: true } });
    expect(k.pan.state.get(env.data.fileID)).toMatchObject({ size: 0, name: 'empty.txt' });
    k.pan.switches.set({ allowZeroByteUpload: false });
    expect((await createUpload(k, { ...empty, filename: 'empty2.txt' })).code).not.toBe(0);
  });
});

describe('resume after an emulator restart', () => {
  it('keeps the session and its slices in the data dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fake-pan-resume-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const one = await startKit({ dataDir, switches: { sliceSize: 64 * 1024 } });
    const bytes = bytesOf(150_000, 19);
    const s = await started(one, bytes, 'resume.bin');
    expect((await postSlice(one, s.servers[0]!, s.preuploadID, 1, bytes.subarray(0, 65536))).code).toBe(0);
    expect((await postSlice(one, s.servers[0]!, s.preuploadID, 2, bytes.subarray(65536, 131072))).code).toBe(
      0,
    );
    await one.pan.close();

    kit = await startKit({ dataDir, switches: { sliceSize: 64 * 1024 } });
    const server = kit.pan.uploadUrl;
    expect((await postSlice(kit, server, s.preuploadID, 3, bytes.subarray(131072))).code).toBe(0);
    const done = await completeUntilDone(kit, s.preuploadID);
    expect(done.code).toBe(0);
    expect(kit.pan.state.get(done.data.fileID)?.md5).toBe(md5(bytes));
  });
});

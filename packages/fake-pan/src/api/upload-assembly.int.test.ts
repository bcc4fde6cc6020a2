import { createManualClock } from '@pandesk/contract/testing';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  bytesOf,
  complete,
  completeUntilDone,
  createUpload,
  downloadInfo,
  md5,
  postSlice,
  startKit,
  type CreateAnswer,
  type Kit,
} from './upload-test-kit';

/** Generous: the worker may be slow to get a core on a loaded machine. */
const WAIT = { timeout: 15_000, interval: 20 };

const SLICE = 64 * 1024;
let kit: Kit | undefined;
afterEach(async () => {
  await kit?.pan.close();
  kit = undefined;
});

async function smallSlices(options: Parameters<typeof startKit>[0] = {}): Promise<Kit> {
  kit = await startKit({ ...options, switches: { sliceSize: SLICE, ...options.switches } });
  return kit;
}

async function started(k: Kit, declared: Buffer, filename: string): Promise<Required<CreateAnswer>> {
  const env = await createUpload(k, {
    parentFileID: 0,
    filename,
    etag: md5(declared),
    size: declared.length,
  });
  expect(env.code, env.message).toBe(0);
  return env.data as Required<CreateAnswer>;
}

const part = (bytes: Buffer, n: number): Buffer => bytes.subarray((n - 1) * SLICE, n * SLICE);

async function send(k: Kit, s: Required<CreateAnswer>, n: number, bytes: Buffer): Promise<void> {
  const answer = await postSlice(k, s.servers[0]!, s.preuploadID, n, bytes);
  expect(answer.code, answer.message).toBe(0);
}

/** The stored content of a file, fetched through download_info and the CDN. */
async function downloaded(k: Kit, fileId: number): Promise<Buffer> {
  const info = await downloadInfo(k, fileId);
  expect(info.code).toBe(0);
  const res = await fetch(info.data.downloadUrl);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Assembly files live in the content store's temp space until adopted or deleted. */
const assemblyFiles = (k: Kit): string[] =>
  readdirSync(join(k.pan.dataDir, 'blobs')).filter((name) => name.startsWith('.tmp-assembly'));

const sliceDir = (k: Kit, s: Required<CreateAnswer>): string => join(k.pan.dataDir, 'uploads', s.preuploadID);

describe('in-order assembly while slices arrive', () => {
  it('is finished before upload_complete when slices arrive in order, so complete reads no slice', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(3 * SLICE - 1000, 51);
    const s = await started(k, bytes, 'in-order.bin');
    for (const n of [1, 2, 3]) {
      await send(k, s, n, part(bytes, n));
      await k.pan.uploads.assemblySettled(s.preuploadID);
      expect(k.pan.uploads.assembly(s.preuploadID)).toEqual({
        slicesAssembled: n,
        finished: n === 3,
        failed: false,
      });
    }
    // The slice files are no longer needed: complete only checks and adopts the assembly.
    rmSync(sliceDir(k, s), { recursive: true });
    const done = await completeUntilDone(k, s.preuploadID);
    expect(done.code, done.message).toBe(0);
    expect(md5(await downloaded(k, done.data.fileID))).toBe(md5(bytes));
    expect(k.pan.uploads.assembly(s.preuploadID)).toBeUndefined();
    expect(assemblyFiles(k)).toEqual([]);
  });

  it('waits for the gap when slices arrive out of order (3, 1, 2)', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(3 * SLICE - 7, 52);
    const s = await started(k, bytes, 'shuffled.bin');
    await send(k, s, 3, part(bytes, 3));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(k.pan.uploads.assembly(s.preuploadID)).toBeUndefined(); // nothing before slice 1
    await send(k, s, 1, part(bytes, 1));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(k.pan.uploads.assembly(s.preuploadID)).toMatchObject({ slicesAssembled: 1, finished: false });
    await send(k, s, 2, part(bytes, 2));
    const done = await completeUntilDone(k, s.preuploadID);
    expect(done.code, done.message).toBe(0);
    const stored = await downloaded(k, done.data.fileID);
    expect(stored.equals(bytes)).toBe(true);
  });

  it('restarts from slice 1 when an assembled slice is sent again; the re-sent bytes win', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(2 * SLICE + 500, 53);
    const s = await started(k, bytes, 'resent.bin');
    const wrongFirst = bytesOf(SLICE, 54);
    await send(k, s, 1, wrongFirst);
    await send(k, s, 2, part(bytes, 2));
    await send(k, s, 3, part(bytes, 3));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(k.pan.uploads.assembly(s.preuploadID)).toMatchObject({ slicesAssembled: 3, finished: true });
    await send(k, s, 1, part(bytes, 1));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(k.pan.uploads.assembly(s.preuploadID)).toMatchObject({ slicesAssembled: 3, finished: true });
    await vi.waitFor(() => expect(assemblyFiles(k)).toHaveLength(1), WAIT); // the old file is gone
    const done = await completeUntilDone(k, s.preuploadID);
    expect(done.code, done.message).toBe(0);
    expect((await downloaded(k, done.data.fileID)).equals(bytes)).toBe(true);
  });

  it('assembles slices of any length when enforceSliceSize is off', async () => {
    const k = await smallSlices({ switches: { enforceSliceSize: false } });
    const bytes = bytesOf(150_000, 55);
    const s = await started(k, bytes, 'uneven.bin');
    await send(k, s, 2, bytes.subarray(100_000, 130_000));
    await send(k, s, 1, bytes.subarray(0, 100_000));
    await send(k, s, 3, bytes.subarray(130_000));
    const done = await completeUntilDone(k, s.preuploadID);
    expect(done.code, done.message).toBe(0);
    expect((await downloaded(k, done.data.fileID)).equals(bytes)).toBe(true);
  });

  it('answers 文件上传失败 for a bad slice kept with rejectSliceMd5Mismatch off, and leaves no file', async () => {
    const k = await smallSlices({
      switches: { rejectSliceMd5Mismatch: false },
      faults: { completePolls: 0 },
    });
    const bytes = bytesOf(2 * SLICE, 56);
    const s = await started(k, bytes, 'bad.bin');
    const bad = Buffer.from(part(bytes, 2));
    bad[10] = (bad[10] ?? 0) ^ 0xff;
    const kept = await postSlice(k, s.servers[0]!, s.preuploadID, 2, bad, md5(part(bytes, 2)));
    expect(kept.code).toBe(0);
    await send(k, s, 1, part(bytes, 1));
    const failed = await complete(k, s.preuploadID);
    expect(failed.code).toBe(1);
    expect(failed.message).toBe('文件上传失败');
    expect(k.pan.state.find('/bad.bin')).toBeUndefined();
    expect((await complete(k, s.preuploadID)).code).not.toBe(0); // the session is gone
    expect(assemblyFiles(k)).toEqual([]);
  });
});

describe('failed assemblies', () => {
  it('answers 文件上传失败 when a slice file vanished and cannot be re-read', async () => {
    const k = await smallSlices({ faults: { completePolls: 0 } });
    const bytes = bytesOf(2 * SLICE, 57);
    const s = await started(k, bytes, 'vanished.bin');
    await send(k, s, 2, part(bytes, 2));
    rmSync(join(sliceDir(k, s), '2'));
    await send(k, s, 1, part(bytes, 1));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(k.pan.uploads.assembly(s.preuploadID)).toMatchObject({ failed: true, finished: false });
    const failed = await complete(k, s.preuploadID);
    expect(failed).toMatchObject({ code: 1, message: '文件上传失败' });
    expect(k.pan.state.find('/vanished.bin')).toBeUndefined();
    await vi.waitFor(() => expect(assemblyFiles(k)).toEqual([]), WAIT);
  });

  it('re-assembles from the slice files at complete after a failed assembly', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(2 * SLICE, 58);
    const s = await started(k, bytes, 'again.bin');
    await send(k, s, 2, part(bytes, 2));
    const second = join(sliceDir(k, s), '2');
    renameSync(second, `${second}.away`);
    await send(k, s, 1, part(bytes, 1));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(k.pan.uploads.assembly(s.preuploadID)).toMatchObject({ failed: true });
    renameSync(`${second}.away`, second);
    const done = await completeUntilDone(k, s.preuploadID);
    expect(done.code, done.message).toBe(0);
    expect((await downloaded(k, done.data.fileID)).equals(bytes)).toBe(true);
  });

  it('restarts a failed assembly at the next stored slice', async () => {
    const k = await smallSlices();
    const bytes = bytesOf(2 * SLICE, 59);
    const s = await started(k, bytes, 'next.bin');
    await send(k, s, 2, part(bytes, 2));
    rmSync(join(sliceDir(k, s), '2'));
    await send(k, s, 1, part(bytes, 1));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(k.pan.uploads.assembly(s.preuploadID)).toMatchObject({ failed: true });
    await send(k, s, 2, part(bytes, 2));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(k.pan.uploads.assembly(s.preuploadID)).toEqual({
      slicesAssembled: 2,
      finished: true,
      failed: false,
    });
    const done = await completeUntilDone(k, s.preuploadID);
    expect((await downloaded(k, done.data.fileID)).equals(bytes)).toBe(true);
  });
});

describe('assembly lifetime', () => {
  it('deletes the assembly file when the session expires', async () => {
    const clock = createManualClock();
    const k = await smallSlices({ clock, faults: { uploadSessionLifetimeSec: 60 } });
    const bytes = bytesOf(2 * SLICE, 60);
    const s = await started(k, bytes, 'expiring.bin');
    await send(k, s, 1, part(bytes, 1));
    await send(k, s, 2, part(bytes, 2));
    await k.pan.uploads.assemblySettled(s.preuploadID);
    expect(assemblyFiles(k)).toHaveLength(1);
    await clock.advance(61_000);
    expect((await complete(k, s.preuploadID)).code).not.toBe(0);
    expect(k.pan.uploads.assembly(s.preuploadID)).toBeUndefined();
    await vi.waitFor(() => expect(assemblyFiles(k)).toEqual([]), WAIT);
  });

  it('completes right after a restart with the same data dir, all slices sent before it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fake-pan-assembly-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const one = await startKit({ dataDir, switches: { sliceSize: SLICE } });
    const bytes = bytesOf(3 * SLICE, 61);
    const s = await started(one, bytes, 'restart.bin');
    for (const n of [2, 1, 3]) await send(one, s, n, part(bytes, n));
    await one.pan.close();
    const leftover = join(dataDir, 'blobs', '.tmp-assembly-left-over');
    copyFileSync(join(dataDir, 'uploads', s.preuploadID, '1'), leftover); // as if killed mid-assembly
    const halfDeleted = join(dataDir, 'uploads', '.gone-old-session-1234');
    mkdirSync(halfDeleted); // as if killed while deleting a released session's slices

    kit = await startKit({ dataDir, switches: { sliceSize: SLICE } });
    expect(assemblyFiles(kit)).toEqual([]); // temp files of the old run are gone at open
    expect(existsSync(halfDeleted)).toBe(false);
    expect(kit.pan.uploads.assembly(s.preuploadID)).toBeUndefined();
    const done = await completeUntilDone(kit, s.preuploadID);
    expect(done.code, done.message).toBe(0);
    expect((await downloaded(kit, done.data.fileID)).equals(bytes)).toBe(true);
  });
});

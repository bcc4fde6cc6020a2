/**
 * One read per upload: the whole file's MD5 and its slices' come from the same read when the
 * service keeps the slice size it used last; slices are hashed on their own only when create
 * answers another size, when the service refused a slice's MD5, or after a cache hit. And small
 * files share out between single step and create, trying create first when their MD5 was known.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DriveError } from '../ports';
import { createGate } from '../testing/gates';
import type { Harness } from '../testing/harness';
import { createHarness } from '../testing/harness';
import type * as hashWorkers from '../util/hash-workers';
import { createUploadLanes, inLane, smallFilePath } from './lanes';
import { parseSession } from './session';

const KiB = 1024;
const SLICE = 256 * KiB;

/** What the engine asked its hashing workers for, counted by kind. */
const asked = { whole: 0, ranges: 0, withSlices: 0 };

vi.mock('../util/hash-workers', async (importOriginal) => {
  const real = await importOriginal<typeof hashWorkers>();
  return {
    ...real,
    createHashWorkers: (options?: Parameters<typeof real.createHashWorkers>[0]) => {
      const hasher = real.createHashWorkers(options);
      return {
        ...hasher,
        md5: (path: string, range?: { start: number; end: number }, signal?: AbortSignal) => {
          if (range) asked.ranges++;
          else asked.whole++;
          return hasher.md5(path, range, signal);
        },
        hashFile: (path: string, sliceSize: number, signal?: AbortSignal) => {
          asked.withSlices++;
          return hasher.hashFile(path, sliceSize, signal);
        },
      };
    },
  };
});

let h: Harness;
afterEach(async () => h?.cleanup());

function resetAsked(): void {
  Object.assign(asked, { whole: 0, ranges: 0, withSlices: 0 });
}

async function uploadAll(paths: string[], parent = 0): Promise<void> {
  await h.engine.upload({ localPaths: paths, remoteParentId: parent, conflict: 'keep_both' });
  await h.engine.whenIdle();
}

describe('one read per upload', () => {
  it('hashes slices in the read of the whole file once the service told its slice size', async () => {
    h = createHarness({ drive: { sliceSize: SLICE }, engine: { limits: { uploadFiles: 1 } } });
    const first = h.file('first.bin', 5 * SLICE + 17);
    const second = h.file('second.bin', 3 * SLICE);
    h.engine.start();
    resetAsked();
    await uploadAll([first]);
    // Slices of the usual 16 MiB were assumed; the service chose 256 KiB: each slice on its own.
    expect(asked).toEqual({ whole: 1, ranges: 6, withSlices: 0 });
    resetAsked();
    await uploadAll([second]);
    expect(asked).toEqual({ whole: 0, ranges: 0, withSlices: 1 });
    expect(h.byState('completed')).toHaveLength(2);
    const remote = h.drive.list(0).find((e) => e.name === 'second.bin');
    expect(Buffer.from(h.drive.read(remote!.fileId)).equals(readFileSync(second))).toBe(true);
  });

  it('hashes a slice again, from the file, when the service refuses its MD5', async () => {
    h = createHarness({ drive: { sliceSize: SLICE }, engine: { limits: { uploadFiles: 1 } } });
    h.engine.start();
    await uploadAll([h.file('teach.bin', SLICE + 1)]); // the service's slice size is now known
    h.drive.failNext('uploadSlice', new DriveError('slice_rejected', 'slice MD5 mismatch'));
    resetAsked();
    await uploadAll([h.file('refused.bin', 4 * SLICE)]);
    expect(asked).toEqual({ whole: 0, ranges: 1, withSlices: 1 });
    expect(h.byState('completed')).toHaveLength(2);
  });

  it('journals the slice MD5s with the session and drops a list that does not fit it', () => {
    const base = {
      preuploadId: 'p',
      sliceSize: 4,
      server: 'http://up',
      md5: 'a'.repeat(32),
      size: 10,
      mtimeMs: 1,
    };
    const good = ['0'.repeat(32), '1'.repeat(32), '2'.repeat(32)];
    expect(parseSession(JSON.stringify({ ...base, sliceMd5s: good }))?.sliceMd5s).toEqual(good);
    expect(parseSession(JSON.stringify({ ...base, sliceMd5s: good.slice(1) }))).toEqual(base);
    expect(parseSession(JSON.stringify({ ...base, sliceMd5s: [...good.slice(1), 'x'] }))).toEqual(base);
  });
});

describe('small files', () => {
  it('go through create while single step is busy, and through single step otherwise', async () => {
    h = createHarness({
      engine: { tuning: { singleUploadMaxBytes: 64 * KiB, stallTimeoutMs: 0 }, limits: { uploadFiles: 3 } },
    });
    const held = createGate();
    const single = h.drive.backend.uploadSingle;
    h.drive.backend.uploadSingle = async (req, body, signal) => {
      await held.promise;
      return single(req, body, signal);
    };
    const paths = ['a.txt', 'b.txt', 'c.txt'].map((name) => h.file(name, 10 * KiB));
    h.engine.start();
    await h.engine.upload({ localPaths: paths, remoteParentId: 0, conflict: 'keep_both' });
    await h.waitFor(() => h.byState('completed').length === 2, 'two files through create');
    held.open();
    await h.engine.whenIdle();
    expect(h.drive.calls).toMatchObject({ uploadSingle: 1, createUpload: 2, uploadSlice: 2 });
    expect(h.byState('completed')).toHaveLength(3);
  });

  it('tries create first when the MD5 was known, and sends no byte on an instant hit', async () => {
    h = createHarness({ engine: { tuning: { singleUploadMaxBytes: 64 * KiB, stallTimeoutMs: 0 } } });
    const path = h.file('photo.jpg', 20 * KiB);
    const folder = h.drive.addFolder(0, 'again');
    h.engine.start();
    await uploadAll([path]);
    expect(h.drive.calls).toMatchObject({ uploadSingle: 1, createUpload: 0 });
    await uploadAll([path], folder); // same path, size and mtime: the hash cache knows its MD5
    expect(h.drive.calls).toMatchObject({ uploadSingle: 1, createUpload: 1, uploadSlice: 0 });
    expect(h.drive.list(folder).map((e) => e.name)).toEqual(['photo.jpg']);
  });

  it('count requests in their lane until answered, failed ones too', async () => {
    const lanes = createUploadLanes();
    expect(smallFilePath(lanes, false)).toBe('single');
    expect(smallFilePath(lanes, true)).toBe('create_first');
    const gate = createGate();
    const pending = inLane(lanes, 'single', () => gate.promise);
    expect(lanes.pending).toEqual({ create: 0, single: 1 });
    expect(smallFilePath(lanes, false)).toBe('create_first');
    gate.open();
    await pending;
    await expect(inLane(lanes, 'create', () => Promise.reject(new Error('refused')))).rejects.toThrow();
    expect(lanes.pending).toEqual({ create: 0, single: 0 });
  });
});

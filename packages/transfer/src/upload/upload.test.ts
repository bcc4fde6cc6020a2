import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DriveError } from '../ports';
import type { DriveBackend } from '../ports';
import { md5Hex } from '../testing/drive-store';
import { hang } from '../testing/gates';
import type { Harness } from '../testing/harness';
import { createHarness } from '../testing/harness';

const MiB = 1024 * 1024;
let h: Harness;
afterEach(async () => h?.cleanup());

async function uploadOne(
  path: string,
  conflict: 'keep_both' | 'overwrite' | 'skip' = 'keep_both',
  parent = 0,
) {
  await h.engine.upload({ localPaths: [path], remoteParentId: parent, conflict });
  await h.engine.whenIdle();
}

/** Makes uploadSlice hang after `allow` slices went through; returns a restore function. */
function hangSlicesAfter(backend: DriveBackend, allow: number): () => void {
  const original = backend.uploadSlice;
  let seen = 0;
  backend.uploadSlice = async (session, slice, signal) =>
    seen++ < allow ? original(session, slice, signal) : hang(signal);
  return () => void (backend.uploadSlice = original);
}

describe('upload job', () => {
  it('ends at create on an instant hit (same MD5 and size already stored)', async () => {
    h = createHarness();
    const bytes = new Uint8Array(2 * MiB + 5).fill(7);
    h.drive.addFile(0, 'elsewhere.bin', bytes);
    const path = h.file('same.bin', bytes);
    h.engine.start();
    await uploadOne(path);
    expect(h.items()[0]?.state).toBe('completed');
    expect(h.drive.calls.uploadSlice).toBe(0);
    expect(
      h.drive
        .list(0)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['elsewhere.bin', 'same.bin']);
  });

  it('uses the hash cache keyed by path, size and mtime, and rehashes when mtime changes', async () => {
    h = createHarness();
    const path = h.file('c.bin', 100_000);
    const firstMd5 = md5Hex(readFileSync(path));
    const atime = new Date(1_600_000_000_000);
    const mtime = new Date(1_600_000_000_000);
    utimesSync(path, atime, mtime);
    h.engine.start();
    await uploadOne(path);
    const seen: string[] = [];
    const create = h.drive.backend.createUpload.bind(h.drive.backend);
    h.drive.backend.createUpload = (req, signal) => (seen.push(req.md5), create(req, signal));
    writeFileSync(path, new Uint8Array(100_000).fill(1)); // same size, same mtime below: a cache hit
    utimesSync(path, atime, mtime);
    await uploadOne(path, 'overwrite');
    utimesSync(path, atime, new Date(mtime.getTime() + 5000));
    await uploadOne(path, 'overwrite');
    expect(seen).toEqual([firstMd5, md5Hex(readFileSync(path))]);
  });

  it('resumes after a restart by sending only the missing slices', async () => {
    h = createHarness();
    const path = h.file('big.bin', 6 * MiB);
    const restore = hangSlicesAfter(h.drive.backend, 2);
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both', batchId: 'b1' });
    await h.waitFor(() => (h.items()[0]?.bytesDone ?? 0) >= 2 * MiB, 'two slices acknowledged');
    await h.engine.close();
    restore();
    const slicesBefore = h.drive.calls.uploadSlice;
    h.reopen().start();
    await h.engine.whenIdle();
    expect(h.items()[0]?.state).toBe('completed');
    expect(h.drive.calls.createUpload).toBe(1);
    expect(h.drive.calls.uploadSlice - slicesBefore).toBe(4);
    const remote = h.drive.list(0)[0];
    expect(remote && Buffer.from(h.drive.read(remote.fileId)).equals(readFileSync(path))).toBe(true);
  });
});

describe('upload job, failures and policies', () => {
  it('restarts from create when the session expired during a restart', async () => {
    h = createHarness();
    const path = h.file('exp.bin', 4 * MiB + 10);
    const restore = hangSlicesAfter(h.drive.backend, 2);
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.waitFor(() => (h.items()[0]?.bytesDone ?? 0) >= 2 * MiB, 'two slices acknowledged');
    await h.engine.close();
    restore();
    h.drive.expireSessions();
    h.reopen().start();
    await h.engine.whenIdle();
    expect(h.items()[0]?.state).toBe('completed');
    expect(h.drive.calls.createUpload).toBe(2);
    expect(h.drive.list(0)).toHaveLength(1);
    const remote = h.drive.list(0)[0];
    expect(remote && Buffer.from(h.drive.read(remote.fileId)).equals(readFileSync(path))).toBe(true);
  });

  it('fails with a clear reason when the file changes while uploading, and uploads the new content on retry', async () => {
    h = createHarness();
    const path = h.file('moving.bin', 3 * MiB);
    const original = h.drive.backend.uploadSlice;
    let first = true;
    h.drive.backend.uploadSlice = async (session, slice, signal) => {
      if (first) {
        first = false;
        appendFileSync(path, 'more bytes');
      }
      return original(session, slice, signal);
    };
    h.engine.start();
    await uploadOne(path);
    const item = h.items()[0];
    expect(item?.state).toBe('failed');
    expect(item?.error?.code).toBe('changed_while_uploading');
    expect(h.drive.list(0)).toHaveLength(0);
    h.engine.retry();
    await h.engine.whenIdle();
    expect(h.items()[0]?.state).toBe('completed');
    const remote = h.drive.list(0)[0];
    expect(remote && Buffer.from(h.drive.read(remote.fileId)).equals(readFileSync(path))).toBe(true);
  });

  it('re-reads and resends a slice the server rejected', async () => {
    h = createHarness();
    const path = h.file('rej.bin', 2 * MiB);
    h.drive.failNext('uploadSlice', new DriveError('slice_rejected', 'bad md5'), 2);
    h.engine.start();
    await uploadOne(path);
    expect(h.items()[0]?.state).toBe('completed');
    expect(h.drive.calls.uploadSlice).toBe(4);
  });

  it('applies keep both, overwrite and skip', async () => {
    h = createHarness();
    const a1 = h.file('one/a.txt', new TextEncoder().encode('first'));
    const a2 = h.file('two/a.txt', new TextEncoder().encode('second'));
    const a3 = h.file('three/a.txt', new TextEncoder().encode('third'));
    h.engine.start();
    await uploadOne(a1);
    await uploadOne(a2, 'keep_both');
    expect(
      h.drive
        .list(0)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['a(1).txt', 'a.txt']);
    await uploadOne(a3, 'overwrite');
    const names = h.drive
      .list(0)
      .map((e) => e.name)
      .sort();
    expect(names).toEqual(['a(1).txt', 'a.txt']);
    const a = h.drive.list(0).find((e) => e.name === 'a.txt');
    expect(a && new TextDecoder().decode(h.drive.read(a.fileId))).toBe('third');
    await uploadOne(a1, 'skip');
    const skipped = h.byState('skipped');
    expect(skipped).toHaveLength(1);
    expect(
      a &&
        new TextDecoder().decode(h.drive.read(h.drive.list(0).find((e) => e.name === 'a.txt')?.fileId ?? 0)),
    ).toBe('third');
  });

  it('walks folders lazily, creates each remote folder once and keeps empty folders', async () => {
    h = createHarness();
    h.file('tree/x.bin', 1000);
    h.file('tree/sub/y.bin', 2000);
    h.file('tree/sub/deeper/z.bin', 3000);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(h.dir, 'tree', 'empty'));
    h.engine.start();
    await h.engine.upload({ localPaths: [join(h.dir, 'tree')], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    const tree = h.drive.tree(0);
    expect([...tree.keys()].sort()).toEqual(['tree/sub/deeper/z.bin', 'tree/sub/y.bin', 'tree/x.bin']);
    expect(h.drive.calls.ensureFolder).toBe(4);
    const treeId = h.drive.list(0)[0]?.fileId ?? -1;
    expect(h.drive.list(treeId).find((e) => e.name === 'empty')?.type).toBe('folder');
    expect(h.byState('completed')).toHaveLength(7);
  });

  it('does not create a duplicate when a crash hit between create and the journal', async () => {
    h = createHarness();
    const bytes = new Uint8Array(5000).fill(3);
    h.drive.addFile(0, 'seed.bin', bytes); // makes the next create an instant hit
    const path = h.file('dup.bin', bytes);
    const original = h.drive.backend.createUpload;
    h.drive.backend.createUpload = async (req, signal) => {
      await original(req, signal); // the server created the file...
      return hang(signal); // ...but the answer never arrived
    };
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.waitFor(
      () => h.drive.calls.createUpload === 1 && h.drive.list(0).length === 2,
      'create reached the server',
    );
    await h.engine.close();
    h.drive.backend.createUpload = original;
    h.reopen().start();
    await h.engine.whenIdle();
    expect(h.items()[0]?.state).toBe('completed');
    expect(
      h.drive
        .list(0)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['dup.bin', 'seed.bin']);
  });
});

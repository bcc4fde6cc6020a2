import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRemote } from '../testing/memory-remote';
import { md5 } from '../testing/trees';
import { md5File } from './hash-file';
import { scanLocal } from './local-scan';
import { scanRemote } from './remote-scan';

let root: string;
beforeEach(() => void (root = mkdtempSync(join(tmpdir(), 'pandesk-scan-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, content: string): void {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), content);
}

describe('local scan', () => {
  it('lists files and folders with their fingerprint, leaves out links, special files and its own folders', async () => {
    write('a.txt', 'A');
    write('sub/deep/b.txt', 'BB');
    write('.pandesk-sync/staging/x', 'staged');
    write('.pandesk-trash/old.txt', 'old');
    symlinkSync(join(root, 'a.txt'), join(root, 'link'));
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const scan = await scanLocal({ root, knownHash: () => undefined });
    expect([...scan.tree.keys()].sort()).toEqual(['a.txt', 'sub', 'sub/deep', 'sub/deep/b.txt']);
    expect(scan.tree.get('sub/deep/b.txt')).toMatchObject({ kind: 'file', size: 2, md5: null });
    expect(scan.tree.get('a.txt')?.ino).toBeGreaterThan(0);
    expect(scan.problems.map((p) => [p.path, p.reason]).sort()).toEqual([
      ['link', 'sync_symlink_left_out'],
      ['pipe', 'sync_special_left_out'],
    ]);
  });

  it('takes a known MD5 from the cache for an unchanged fingerprint instead of leaving it unknown', async () => {
    write('a.txt', 'A');
    const seen: unknown[] = [];
    const scan = await scanLocal({
      root,
      knownHash: (path, size, mtimeMs, ino) => {
        seen.push([path, size, typeof mtimeMs, typeof ino]);
        return 'cached';
      },
    });
    expect(scan.tree.get('a.txt')?.md5).toBe('cached');
    expect(seen).toEqual([['a.txt', 1, 'number', 'number']]);
  });

  it('walks only the folders of its scope', async () => {
    write('x/one.txt', '1');
    write('y/two.txt', '2');
    const scan = await scanLocal({ root, scope: ['y'], knownHash: () => undefined });
    expect([...scan.tree.keys()].sort()).toEqual(['y/two.txt']);
  });

  it('hashes a file by streaming it', async () => {
    write('h.bin', 'hello');
    expect(await md5File(join(root, 'h.bin'))).toBe(md5('hello'));
  });
});

describe('cloud scan', () => {
  it('walks every folder with paths, counts each page as a listing call, and keeps several listings in flight', async () => {
    const remote = createMemoryRemote();
    remote.pageSize = 2;
    remote.listDelayTurns = 1;
    const folders = [1, 2, 3, 4, 5].map((n) => remote.addFolder(remote.rootId, `f${n}`));
    for (const id of folders)
      for (let i = 0; i < 3; i++) remote.addFile(id, `file${i}.txt`, 1, md5(String(i)));
    const scan = await scanRemote({
      remote,
      scope: [{ path: '', folderId: remote.rootId }],
      concurrency: 3,
      signal: new AbortController().signal,
    });
    expect(scan.tree.size).toBe(5 + 15);
    expect(scan.tree.get('f3/file2.txt')).toMatchObject({
      kind: 'file',
      parentId: folders[2],
      etag: md5('2'),
    });
    expect(scan.folders).toBe(6);
    // Root: 5 children in pages of 2 → 3 calls; each folder: 3 children → 2 calls.
    expect(scan.listCalls).toBe(3 + 5 * 2);
    expect(remote.maxInFlight).toBe(3);
  });

  it('leaves out names unsafe on this computer, its own folders, and case twins where case folds', async () => {
    const remote = createMemoryRemote();
    remote.addFile(remote.rootId, 'CON', 1, md5('c'));
    remote.addFolder(remote.rootId, '.pandesk-sync');
    remote.addFile(remote.rootId, 'Report.txt', 1, md5('a'));
    remote.addFile(remote.rootId, 'report.txt', 1, md5('b'));
    const run = (caseInsensitive: boolean) =>
      scanRemote({
        remote,
        scope: [{ path: '', folderId: remote.rootId }],
        caseInsensitive,
        signal: new AbortController().signal,
      });
    const folded = await run(true);
    expect([...folded.tree.keys()]).toEqual(['Report.txt']);
    expect(folded.problems.map((p) => [p.path, p.reason])).toEqual([
      ['CON', 'sync_name_unusable_here'],
      ['report.txt', 'sync_case_clash'],
    ]);
    expect([...(await run(false)).tree.keys()]).toEqual(['Report.txt', 'report.txt']);
  });

  it('fails the scan when a listing fails, after the listings in flight end', async () => {
    const remote = createMemoryRemote();
    for (let i = 0; i < 6; i++) remote.addFolder(remote.rootId, `f${i}`);
    const broken = {
      ...remote,
      list: (id: number, s: AbortSignal) => (id === 4 ? failing() : remote.list(id, s)),
    };
    function failing(): AsyncIterable<never> {
      return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('network down')) }) };
    }
    await expect(
      scanRemote({
        remote: broken,
        scope: [{ path: '', folderId: remote.rootId }],
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('network down');
  });
});

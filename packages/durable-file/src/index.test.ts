import fs from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonText, writeFileDurably, writeFileDurablySync } from './index';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandesk-durable-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Records the path of every descriptor fsynced, without changing what open and fsync do. */
function watchSyncs(): { syncedPaths: () => string[] } {
  const pathOf = new Map<number, string>();
  const synced: string[] = [];
  const open = fs.open;
  const openSync = fs.openSync;
  vi.spyOn(fs, 'open').mockImplementation(((path: fs.PathLike, ...rest: unknown[]) => {
    const callback = rest.pop() as (error: Error | null, fd: number) => void;
    return (open as (...args: unknown[]) => void)(path, ...rest, (error: Error | null, fd: number) => {
      if (error === null) pathOf.set(fd, String(path));
      callback(error, fd);
    });
  }) as typeof fs.open);
  vi.spyOn(fs, 'openSync').mockImplementation(((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...args: unknown[]) => number)(path, ...rest);
    pathOf.set(fd, String(path));
    return fd;
  }) as typeof fs.openSync);
  const fsync = fs.fsync;
  const fsyncSync = fs.fsyncSync;
  vi.spyOn(fs, 'fsync').mockImplementation(((fd: number, callback: (error: Error | null) => void) => {
    synced.push(pathOf.get(fd) ?? `fd ${fd}`);
    fsync(fd, callback);
  }) as typeof fs.fsync);
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    synced.push(pathOf.get(fd) ?? `fd ${fd}`);
    fsyncSync(fd);
  });
  return { syncedPaths: () => [...synced] };
}

describe.each([
  ['writeFileDurably', writeFileDurably],
  [
    'writeFileDurablySync',
    async (...args: Parameters<typeof writeFileDurablySync>) => writeFileDurablySync(...args),
  ],
])('%s', (_name, write) => {
  it('creates missing folders, writes the text and leaves no temporary file', async () => {
    const file = join(dir, 'a', 'b', 'doc.json');
    await write(file, jsonText({ n: 1 }));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 1 });
    await write(file, new TextEncoder().encode('replaced'));
    expect(await readFile(file, 'utf8')).toBe('replaced');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['doc.json']);
  });

  it('fsyncs the new file before the rename and the folder after it', async () => {
    const file = join(dir, 'doc.json');
    const watch = watchSyncs();
    await write(file, 'x');
    const synced = watch.syncedPaths();
    expect(synced).toHaveLength(2);
    expect(synced[0]).toMatch(/doc\.json\.\d+$/); // write-file-atomic's temporary name
    expect(synced[1]).toBe(dir);
  });

  it('applies the file and folder modes', async () => {
    const file = join(dir, 'private', 'secrets.json');
    await write(file, '{}', { mode: 0o600, directoryMode: 0o700 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'private'))).mode & 0o777).toBe(0o700);
  });

  it('leaves the old document whole when the write fails', async () => {
    const file = join(dir, 'doc.json');
    await writeFile(file, 'old');
    vi.spyOn(fs, 'fsync').mockImplementation(((_fd: number, callback: (error: Error | null) => void) =>
      callback(Object.assign(new Error('EIO: disk failed'), { code: 'EIO' }))) as typeof fs.fsync);
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('EIO: disk failed'), { code: 'EIO' });
    });
    await expect(write(file, 'new')).rejects.toThrow('EIO');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['doc.json']);
  });
});

it('serialises concurrent writes of one file: the last one wins', async () => {
  const file = join(dir, 'doc.json');
  await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileDurably(file, jsonText({ i }))));
  expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ i: 19 });
  expect(await readdir(dir)).toEqual(['doc.json']);
});

it('formats JSON compact or pretty, always ending with a newline', () => {
  expect(jsonText({ a: [1] })).toBe('{"a":[1]}\n');
  expect(jsonText({ a: 1 }, true)).toBe('{\n  "a": 1\n}\n');
});

it('keeps call order when an earlier write is slower to start', async () => {
  const file = join(dir, 'doc.json');
  const mkdir = fs.promises.mkdir.bind(fs.promises);
  let calls = 0;
  vi.spyOn(fs.promises, 'mkdir').mockImplementation(async (...args: Parameters<typeof mkdir>) => {
    if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    return mkdir(...args);
  });
  await Promise.all([writeFileDurably(file, 'older'), writeFileDurably(file, 'newer')]);
  expect(await readFile(file, 'utf8')).toBe('newer');
});

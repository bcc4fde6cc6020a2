import { mkdtemp, mkdir, rm, symlink, writeFile, realpath, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDragPaths, isInside } from './drag-guard';

const fs = { realpath, stat };
let dir: string;
let downloads: string;
let outside: string;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'pandesk-drag-')));
  downloads = path.join(dir, 'Downloads');
  outside = path.join(dir, 'elsewhere');
  await mkdir(path.join(downloads, 'sub'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(downloads, 'a.txt'), 'a');
  await writeFile(path.join(downloads, 'sub', 'b.txt'), 'b');
  await writeFile(path.join(outside, 'secret.txt'), 's');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('drag-out guard', () => {
  it('allows existing files inside an allowed root', async () => {
    const paths = [path.join(downloads, 'a.txt'), path.join(downloads, 'sub', 'b.txt')];
    expect(await checkDragPaths(paths, [downloads], fs)).toEqual({ ok: true, paths });
  });

  it('refuses folders, missing files, relative paths and an empty list', async () => {
    expect(await checkDragPaths([path.join(downloads, 'sub')], [downloads], fs)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a file/),
    });
    expect(await checkDragPaths([path.join(downloads, 'gone.txt')], [downloads], fs)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no longer exists/),
    });
    expect(await checkDragPaths(['a.txt'], [downloads], fs)).toMatchObject({ ok: false });
    expect(await checkDragPaths([], [downloads], fs)).toMatchObject({ ok: false });
  });

  it('refuses files outside the roots, including through .. and symlinks', async () => {
    const secret = path.join(outside, 'secret.txt');
    expect(await checkDragPaths([secret], [downloads], fs)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/outside/),
    });
    const sneaky = `${downloads}${path.sep}..${path.sep}elsewhere${path.sep}secret.txt`;
    expect(await checkDragPaths([sneaky], [downloads], fs)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/outside/),
    });
    const link = path.join(downloads, 'link.txt');
    await symlink(secret, link);
    expect(await checkDragPaths([link], [downloads], fs)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/outside/),
    });
  });

  it('refuses the whole drag when one path fails, and ignores roots that do not exist', async () => {
    const out = await checkDragPaths(
      [path.join(downloads, 'a.txt'), path.join(outside, 'secret.txt')],
      [path.join(dir, 'missing-root'), downloads, 'relative-root'],
      fs,
    );
    expect(out.ok).toBe(false);
  });

  it('treats a sibling with a shared prefix as outside', () => {
    expect(isInside('/home/u/Downloads', '/home/u/Downloads2/x')).toBe(false);
    expect(isInside('/home/u/Downloads', '/home/u/Downloads/x')).toBe(true);
    expect(isInside('C:\\Users\\u\\Downloads', 'C:\\Users\\u\\Downloads\\x.txt', path.win32)).toBe(true);
    expect(isInside('C:\\Users\\u\\Downloads', 'D:\\x.txt', path.win32)).toBe(false);
  });
});

import { mkdtemp, mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDragPaths } from './drag-guard';
import { createDragRoots, foldersFromSettings, MAX_FOLDERS } from './drag-roots';

let dir: string;
let file: string;
let downloads: string;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'pandesk-roots-')));
  file = path.join(dir, 'drag-folders.json');
  downloads = path.join(dir, 'Downloads');
  await mkdir(downloads);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a compromised renderer could have written through settings.update and places.add. */
const widenedSettings = {
  settings: { downloadFolder: '/' },
  places: [{ path: '/' }, { path: '/etc' }, { path: '../..' }],
};

describe('drag-out roots', () => {
  it("never take the renderer's settings as roots: a drag of /etc/passwd is refused", async () => {
    await writeFile(file, JSON.stringify({ version: 1, folders: [] }));
    const roots = createDragRoots({ file, fixed: [downloads], legacySettings: () => widenedSettings });
    expect(roots.list()).toEqual([downloads]);
    expect(await checkDragPaths(['/etc/passwd'], roots.list(), { realpath, stat })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/outside PanDesk's folders/),
    });
  });

  it('add folders picked in native dialogs, which persist for the next start', async () => {
    const first = createDragRoots({ file, fixed: [downloads], legacySettings: () => undefined });
    const picked = path.join(dir, 'Picked');
    await mkdir(picked);
    await writeFile(path.join(picked, 'a.txt'), 'a');
    first.add(picked);
    first.add('relative/folder');
    first.add(picked);
    expect(first.list()).toEqual([downloads, picked]);
    const next = createDragRoots({ file, fixed: [downloads], legacySettings: () => widenedSettings });
    expect(next.list()).toEqual([downloads, picked]);
    expect(await checkDragPaths([path.join(picked, 'a.txt')], next.list(), { realpath, stat })).toEqual({
      ok: true,
      paths: [path.join(picked, 'a.txt')],
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, folders: [picked] });
  });

  it('take over the folders of an earlier version once, without relative paths or a whole drive', () => {
    const earlier = {
      settings: { downloadFolder: '/home/u/Stuff' },
      places: [{ path: '/' }, { path: 'rel' }, { path: '/home/u/Music' }, null, { path: 3 }],
    };
    expect(foldersFromSettings(earlier)).toEqual(['/home/u/Stuff', '/home/u/Music']);
    const roots = createDragRoots({ file, fixed: [downloads], legacySettings: () => earlier });
    expect(roots.list()).toEqual([downloads, '/home/u/Stuff', '/home/u/Music']);
    // Taken over once: later changes of the settings are not read again.
    const again = createDragRoots({ file, fixed: [downloads], legacySettings: () => widenedSettings });
    expect(again.list()).toEqual([downloads, '/home/u/Stuff', '/home/u/Music']);
    expect(foldersFromSettings(undefined)).toEqual([]);
  });

  it('keep the newest picks only, and survive a damaged file', async () => {
    const roots = createDragRoots({ file, fixed: [], legacySettings: () => undefined });
    for (let i = 0; i < MAX_FOLDERS + 5; i++) roots.add(`/picked/${i}`);
    expect(roots.list()).toHaveLength(MAX_FOLDERS);
    expect(roots.list()[0]).toBe('/picked/5');
    await writeFile(file, '{ not json');
    expect(
      createDragRoots({ file, fixed: [downloads], legacySettings: () => widenedSettings }).list(),
    ).toEqual([downloads]);
  });
});

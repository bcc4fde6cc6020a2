import * as fsp from 'node:fs/promises';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { createEventHub, unwrap } from '@pandesk/contract';
import type { Place } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDirs } from '../testing/temp-dirs';
import { createSettingsService } from '../settings/settings-service';
import { createMemorySecretVault, createMemorySettingsStore } from '../testing';
import type { SettingsDocument } from '../ports';
import { createPlacesApi } from './places-api';

const temp = createTempDirs('pandesk-places-');
afterEach(() => temp.cleanup());

async function setup(stored?: SettingsDocument) {
  const dir = await temp.make();
  const store = createMemorySettingsStore(stored);
  const settings = await createSettingsService({
    store,
    vault: createMemorySecretVault(),
    defaultDownloadFolder: dir,
    checkDownloadFolder: async () => undefined,
    onSecret: () => undefined,
  });
  const events = createEventHub();
  const seen: (readonly Place[])[] = [];
  events.on('places:changed', (p) => seen.push(p));
  const api = createPlacesApi({
    paths: { userData: dir, logs: dir, downloads: join(dir, 'dl'), desktop: join(dir, 'desk') },
    settings,
    events,
    fs: fsp,
  });
  return { dir, api, seen, store };
}

describe('places', () => {
  it('lists built-in places from the host paths, keyed by a stable kind the UI translates', async () => {
    const { api, dir } = await setup();
    const places = unwrap(await api.list());
    expect(places.map((p) => [p.id, p.kind, p.path, p.removable])).toEqual([
      ['downloads', 'downloads', join(dir, 'dl'), false],
      ['desktop', 'desktop', join(dir, 'desk'), false],
    ]);
  });

  it('adds, persists and removes custom folders, announcing each change', async () => {
    const { api, dir, seen, store } = await setup();
    const added = unwrap(await api.add({ path: dir, name: 'Work' }));
    expect(added).toMatchObject({ kind: 'custom', name: 'Work', path: dir, removable: true });
    expect(unwrap(await api.add({ path: dir }))).toEqual(added);
    expect(JSON.stringify(store.current())).toContain('Work');
    expect(seen).toHaveLength(1);
    unwrap(await api.remove({ id: added.id }));
    expect(unwrap(await api.list()).some((p) => p.kind === 'custom')).toBe(false);
    expect(seen).toHaveLength(2);
  });

  it('refuses relative paths, the top of a drive and files, with words, and stores nothing', async () => {
    const { api, dir, seen, store } = await setup();
    const before = JSON.stringify(store.current());
    for (const relative of ['../..', '.', 'Music', `..${sep}${basename(dir)}`]) {
      await expect(api.add({ path: relative })).rejects.toMatchObject({
        code: 'invalid_input',
        reason: 'local_path_not_absolute',
        params: { path: relative },
        message: expect.stringMatching(/not a full path/),
      });
    }
    await expect(api.add({ path: '/' })).rejects.toMatchObject({
      code: 'invalid_input',
      reason: 'local_drive_root',
      params: { path: '/' },
      message: expect.stringMatching(/top of a drive/),
    });
    // A link to the top of the drive is no way round it.
    await symlink('/', join(dir, 'to-root'));
    await expect(api.add({ path: join(dir, 'to-root') })).rejects.toMatchObject({ code: 'invalid_input' });
    await writeFile(join(dir, 'file.txt'), 'x');
    await expect(api.add({ path: join(dir, 'file.txt') })).rejects.toMatchObject({
      reason: 'local_folder_missing',
      params: { path: join(dir, 'file.txt') },
    });
    expect(JSON.stringify(store.current())).toBe(before);
    expect(seen).toHaveLength(0);
  });

  it('drops stored places an older version let in: relative paths and the top of a drive', async () => {
    const { api } = await setup({
      version: 1,
      places: [
        { id: 'custom-root', name: 'Everything', path: '/' },
        { id: 'custom-rel', name: 'Up', path: '../..' },
        { id: 'custom-ok', name: 'Music', path: '/home/someone/Music' },
      ],
    });
    const custom = unwrap(await api.list()).filter((p) => p.kind === 'custom');
    expect(custom.map((p) => p.id)).toEqual(['custom-ok']);
  });

  it('stores an absolute path with .. segments resolved', async () => {
    const { api, dir } = await setup();
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    const added = unwrap(await api.add({ path: `${join(dir, 'a', 'b')}${sep}..` }));
    expect(added.path).toBe(join(dir, 'a'));
  });

  it('refuses missing folders, unknown ids and built-in places', async () => {
    const { api, dir } = await setup();
    await expect(api.add({ path: join(dir, 'missing') })).rejects.toMatchObject({
      code: 'invalid_input',
      reason: 'local_folder_missing',
      params: { path: join(dir, 'missing') },
    });
    await expect(api.remove({ id: 'custom-x' })).rejects.toMatchObject({
      code: 'not_found',
      reason: 'place_not_found',
    });
    await expect(api.remove({ id: 'downloads' })).rejects.toMatchObject({
      code: 'unsupported',
      reason: 'place_builtin',
    });
  });
});

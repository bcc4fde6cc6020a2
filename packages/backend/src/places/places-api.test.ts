import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { createEventHub, unwrap } from '@pandesk/contract';
import type { Place } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDirs } from '../testing/temp-dirs';
import { createSettingsService } from '../settings/settings-service';
import { createMemorySecretVault, createMemorySettingsStore } from '../testing';
import { createPlacesApi } from './places-api';

const temp = createTempDirs('pandesk-places-');
afterEach(() => temp.cleanup());

async function setup() {
  const dir = await temp.make();
  const store = createMemorySettingsStore();
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

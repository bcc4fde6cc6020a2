/**
 * Sidebar places: built-in ones from the host's paths (Downloads, Desktop, Documents, Home)
 * and folders the user added (absolute paths of existing folders, never a whole drive: see
 * place-folder.ts), persisted with the settings. `places:changed` after a change.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { ApiException, ok } from '@pandesk/contract';
import type { PanDeskEventHub, Place, PlaceKind, PlacesApi } from '@pandesk/contract';
import { mapErrors } from '../errors/map-error';
import type { BackendPaths, LocalFs } from '../ports';
import type { SettingsService } from '../settings/settings-service';
import { checkPlaceFolder } from './place-folder';

/**
 * Built-in places carry `kind` (also their id), which the UI translates; `name` is only the
 * English fallback for clients without translations. Custom places keep the user's name.
 */
const BUILT_IN: readonly { kind: Exclude<PlaceKind, 'custom'>; name: string; key: keyof BackendPaths }[] = [
  { kind: 'downloads', name: 'Downloads', key: 'downloads' },
  { kind: 'desktop', name: 'Desktop', key: 'desktop' },
  { kind: 'documents', name: 'Documents', key: 'documents' },
  { kind: 'home', name: 'Home', key: 'home' },
];

export function listPlaces(paths: BackendPaths, settings: SettingsService): Place[] {
  const builtIn = BUILT_IN.flatMap(({ kind, name, key }) => {
    const path = paths[key];
    return path === undefined || path === '' ? [] : [{ id: kind, kind, name, path, removable: false }];
  });
  const custom = settings
    .places()
    .map((p) => ({ id: p.id, kind: 'custom' as const, name: p.name, path: p.path, removable: true }));
  return [...builtIn, ...custom];
}

export function createPlacesApi(input: {
  paths: BackendPaths;
  settings: SettingsService;
  events: PanDeskEventHub;
  fs: Pick<LocalFs, 'stat' | 'realpath'>;
}): PlacesApi {
  const { paths, settings, events } = input;
  const announce = (): Place[] => {
    const places = listPlaces(paths, settings);
    events.emit('places:changed', places);
    return places;
  };
  return {
    list: async () => ok(listPlaces(paths, settings)),
    add: ({ path, name }) =>
      mapErrors(async () => {
        const absolute = await checkPlaceFolder(input.fs, path);
        const existing = listPlaces(paths, settings).find((p) => p.path === absolute);
        if (existing !== undefined) return existing;
        const place = {
          id: `custom-${randomUUID()}`,
          name: name ?? (basename(absolute) || absolute),
          path: absolute,
        };
        await settings.setPlaces([...settings.places(), place]);
        announce();
        return { ...place, kind: 'custom' as const, removable: true };
      }).then(ok),
    remove: ({ id }) =>
      mapErrors(async () => {
        if (BUILT_IN.some((b) => b.kind === id))
          throw ApiException.because('place_builtin', 'Built-in places cannot be removed.');
        if (!settings.places().some((p) => p.id === id))
          throw ApiException.because('place_not_found', 'That place does not exist (any more).');
        await settings.setPlaces(settings.places().filter((p) => p.id !== id));
        announce();
        return null;
      }).then(ok),
  };
}

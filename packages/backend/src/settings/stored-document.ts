/**
 * The non-secret settings document as the SettingsStore keeps it, and how it is read back
 * leniently: a field that fails validation (an old version, a hand edit) falls back to its
 * default instead of losing every other setting, and a place that is relative or a whole drive
 * (which older versions let in) is dropped.
 */
import { isAbsolute, parse } from 'node:path';
import { createDefaultSettings } from '@pandesk/contract';
import { applySettingsPatch, fileIdSchema } from '@pandesk/contract/server';
import type { FileId, Settings, SettingsPatch } from '@pandesk/contract';
import type { SettingsDocument } from '../ports';

/** A folder the user added to the sidebar. */
export interface CustomPlace {
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

export interface StoredDocument {
  readonly version: 1;
  /** Proxy URLs here never contain a password. */
  readonly settings: Settings;
  readonly connection: { readonly clientId: string; readonly rootFolderId: FileId };
  readonly places: readonly CustomPlace[];
  /** The user chose the demo drive (`auth.useDemo`) and has not signed in since. */
  readonly useDemo: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSettings(raw: unknown, defaults: Settings): Settings {
  if (!isRecord(raw)) return defaults;
  const whole = applySettingsPatch(defaults, raw as SettingsPatch);
  if (whole.ok) return whole.value;
  let settings = defaults;
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in defaults)) continue;
    const one = applySettingsPatch(settings, { [key]: value } as SettingsPatch);
    if (one.ok) settings = one.value;
  }
  return settings;
}

/** A stored place path `places.add` would still accept on its face: absolute, not a drive's top. */
function isPlacePath(path: string): boolean {
  return isAbsolute(path) && parse(path).root !== path;
}

function readPlaces(raw: unknown): CustomPlace[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p: unknown) =>
    isRecord(p) &&
    typeof p.id === 'string' &&
    typeof p.name === 'string' &&
    typeof p.path === 'string' &&
    isPlacePath(p.path)
      ? [{ id: p.id, name: p.name, path: p.path }]
      : [],
  );
}

export function readDocument(raw: unknown, defaultDownloadFolder: string): StoredDocument {
  const defaults = createDefaultSettings(defaultDownloadFolder);
  const doc = isRecord(raw) ? raw : {};
  const connection = isRecord(doc.connection) ? doc.connection : {};
  const clientId = typeof connection.clientId === 'string' ? connection.clientId : '';
  const root = fileIdSchema.safeParse(connection.rootFolderId);
  return {
    version: 1,
    settings: readSettings(doc.settings, defaults),
    connection: { clientId, rootFolderId: root.success ? root.data : 0 },
    places: readPlaces(doc.places),
    useDemo: doc.useDemo === true,
  };
}

export function toDocument(doc: StoredDocument): SettingsDocument {
  return {
    version: doc.version,
    settings: { ...doc.settings },
    connection: { ...doc.connection },
    places: doc.places.map((p) => ({ ...p })),
    useDemo: doc.useDemo,
  };
}

import {
  STORE_VERSION,
  emptyStore,
  isPlainObject,
  isWindowState,
  pickCiphertexts,
  pickStringMap,
  pickStrings,
} from './store-schema';
import type { StoreData } from './store-schema';

/**
 * Store migrations, as pure functions over the parsed JSON so they are tested without
 * Electron. They run before electron-store opens the file (electron-store validates the file
 * against the schema on open, before its own migrations would run), so an older or damaged
 * file is upgraded instead of rejected.
 *
 * Step `n` turns a version-`n` document into a version-`n+1` one. Version 0 means "no
 * `schemaVersion`": an empty file, a file written by hand, or a damaged one.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** 0 → 1: keep what is recognisably valid, drop everything else (including any plain secret). */
const fromUnversioned: Migration = (doc) => {
  const out: Record<string, unknown> = { schemaVersion: 1, secrets: pickCiphertexts(doc.secrets) };
  if (isPlainObject(doc.settings)) out.settings = doc.settings;
  if (isWindowState(doc.windowState)) out.windowState = doc.windowState;
  return out;
};

/** Index n holds the step from version n to n+1; its length is {@link STORE_VERSION}. */
export const STORE_MIGRATIONS: readonly Migration[] = [fromUnversioned];

export interface MigrationOutcome {
  readonly data: StoreData;
  /** True when the result differs from the input and should be written back. */
  readonly changed: boolean;
  /** The version the input had (0 when it had none). */
  readonly fromVersion: number;
  /** True when the file came from a newer PanDesk: it is read best-effort and not rewritten. */
  readonly fromNewer: boolean;
}

function versionOf(doc: Record<string, unknown>): number {
  const v = doc.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** Keeps only well-formed top-level entries of a document that claims the current layout. */
function sanitise(doc: Record<string, unknown>, version: number): StoreData {
  return {
    schemaVersion: version,
    secrets: pickCiphertexts(doc.secrets),
    ...(isPlainObject(doc.settings) ? { settings: doc.settings } : {}),
    ...(isWindowState(doc.windowState) ? { windowState: doc.windowState } : {}),
    ...optional('dialogFolders', pickStringMap(doc.dialogFolders)),
    ...optional('noticesShown', pickStrings(doc.noticesShown)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Upgrades a parsed store file to {@link STORE_VERSION}.
 * @param migrations the steps (injectable so the runner itself is tested with extra steps).
 */
export function migrateStore(
  raw: unknown,
  migrations: readonly Migration[] = STORE_MIGRATIONS,
  target: number = STORE_VERSION,
): MigrationOutcome {
  if (!isPlainObject(raw)) return { data: emptyStore(), changed: true, fromVersion: 0, fromNewer: false };
  const fromVersion = versionOf(raw);
  if (fromVersion > target) {
    return { data: sanitise(raw, fromVersion), changed: false, fromVersion, fromNewer: true };
  }
  let doc: Record<string, unknown> = raw;
  for (let v = fromVersion; v < target; v += 1) {
    const step = migrations[v];
    if (step === undefined) throw new Error(`No store migration from version ${v}`);
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  const data = sanitise(doc, target);
  return { data, changed: JSON.stringify(data) !== JSON.stringify(raw), fromVersion, fromNewer: false };
}

import type { Rect, WindowState } from '../window/window-state';

/**
 * The layout of the desktop app's electron-store file (`pandesk-store.json` in userData).
 * One file holds the back end's non-secret settings document, the encrypted secrets and the
 * window state. Secrets are only ever stored as safeStorage ciphertext (base64); no code path
 * writes a plain secret here.
 */

/** Bump when the layout changes, and add a step to `STORE_MIGRATIONS`. */
export const STORE_VERSION = 1;

export interface StoreData {
  readonly schemaVersion: number;
  /** The back end's settings document, opaque to the shell (it is JSON by contract). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Secret name → base64 of the safeStorage ciphertext. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly windowState?: WindowState;
  /** The folder each kind of native dialog showed last (see `adapters/dialog-folders.ts`). */
  readonly dialogFolders?: Readonly<Record<string, string>>;
  /** One-time notices the user has seen (see `platform/sandbox-notice.ts`). */
  readonly noticesShown?: readonly string[];
}

/** An empty store of the current version. */
export function emptyStore(): StoreData {
  return { schemaVersion: STORE_VERSION, secrets: {} };
}

const rectSchema = {
  type: 'object',
  properties: {
    x: { type: 'number' },
    y: { type: 'number' },
    width: { type: 'number', exclusiveMinimum: 0 },
    height: { type: 'number', exclusiveMinimum: 0 },
  },
  required: ['x', 'y', 'width', 'height'],
  additionalProperties: false,
} as const;

/**
 * The JSON schema electron-store checks every write against (its `schema` option: one entry
 * per top-level key). Kept in sync with {@link StoreData} and with the guards below, which the
 * migrations use to decide what of an older or damaged file to keep.
 */
export const STORE_JSON_SCHEMA = {
  schemaVersion: { type: 'integer', minimum: 0 },
  settings: { type: 'object' },
  secrets: {
    type: 'object',
    additionalProperties: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
  },
  windowState: {
    type: 'object',
    properties: { bounds: rectSchema, maximized: { type: 'boolean' } },
    required: ['bounds', 'maximized'],
    additionalProperties: false,
  },
  dialogFolders: { type: 'object', additionalProperties: { type: 'string' } },
  noticesShown: { type: 'array', items: { type: 'string' } },
} as const;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isRect(value: unknown): value is Rect {
  if (!isPlainObject(value)) return false;
  const { x, y, width, height } = value;
  return (
    [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (width as number) > 0 &&
    (height as number) > 0
  );
}

export function isWindowState(value: unknown): value is WindowState {
  return isPlainObject(value) && isRect(value.bounds) && typeof value.maximized === 'boolean';
}

/** Keeps only entries that look like stored ciphertext (base64 strings). */
export function pickCiphertexts(value: unknown): Record<string, string> {
  if (!isPlainObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && BASE64.test(e[1])),
  );
}

/** Keeps only string → string entries (the remembered dialog folders). */
export function pickStringMap(value: unknown): Record<string, string> | undefined {
  if (!isPlainObject(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** Keeps only the strings of a list (the notices already shown). */
export function pickStrings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

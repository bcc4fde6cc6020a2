/**
 * Lenient parameter access shared by JSON bodies, form bodies and query strings
 * (reference §1.2, §12 "Lenient input"): ids may be numbers or numeric strings, empty values
 * count as absent, and JSON body keys match case-insensitively (`parentFileId` = `parentFileID`).
 * Missing or malformed required values throw code 1.
 */
import { badParam } from '../core/errors';

export interface Params {
  /** The raw value, or undefined when absent or an empty string. */
  get(key: string): unknown;
  has(key: string): boolean;
  /** A required integer id (number or numeric string). */
  id(key: string): number;
  optionalId(key: string): number | undefined;
  /** A required array of ids (each a number or numeric string). */
  idList(key: string): number[];
  string(key: string): string;
  optionalString(key: string): string | undefined;
  /** A number (or numeric string), or `fallback` when absent. */
  number(key: string, fallback: number): number;
  /** true/false, "true"/"false", 1/0; `fallback` when absent. */
  bool(key: string, fallback: boolean): boolean;
  /** A required array of strings. */
  stringList(key: string): string[];
}

function toInt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

/**
 * @param record parsed values.
 * @param caseInsensitive match keys ignoring case (JSON bodies); query strings match exactly.
 */
export function createParams(record: Record<string, unknown>, caseInsensitive: boolean): Params {
  const lookup = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    const k = caseInsensitive ? key.toLowerCase() : key;
    if (!lookup.has(k)) lookup.set(k, value);
  }
  const get = (key: string): unknown => {
    const value = lookup.get(caseInsensitive ? key.toLowerCase() : key);
    return value === '' || value === null ? undefined : value;
  };
  const params: Params = {
    get,
    has: (key) => get(key) !== undefined,
    id(key) {
      const n = toInt(get(key));
      if (n === undefined) throw badParam(key);
      return n;
    },
    optionalId(key) {
      const value = get(key);
      if (value === undefined) return undefined;
      return params.id(key);
    },
    idList(key) {
      const value = get(key);
      if (!Array.isArray(value)) throw badParam(key);
      return value.map((v) => {
        const n = toInt(v);
        if (n === undefined) throw badParam(key);
        return n;
      });
    },
    string(key) {
      const value = get(key);
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      throw badParam(key);
    },
    optionalString(key) {
      return get(key) === undefined ? undefined : params.string(key);
    },
    number(key, fallback) {
      const value = get(key);
      if (value === undefined) return fallback;
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) throw badParam(key);
      return n;
    },
    bool(key, fallback) {
      const value = get(key);
      if (value === undefined) return fallback;
      if (value === true || value === 'true' || value === 1 || value === '1') return true;
      if (value === false || value === 'false' || value === 0 || value === '0') return false;
      throw badParam(key);
    },
    stringList(key) {
      const value = get(key);
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw badParam(key);
      return value as string[];
    },
  };
  return params;
}

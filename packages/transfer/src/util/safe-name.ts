/**
 * Remote names made safe as local names on every platform, and a guard that no path ever
 * leaves the destination folder. Rules: no separators, no control characters, no invisible
 * format characters (see INVISIBLE), no Windows reserved characters or device names, no
 * trailing dots or spaces, not `.`/`..`, at most 255 UTF-8 bytes (the extension is kept when
 * cutting).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

const MAX_BYTES = 255;
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/**
 * Characters a file manager does not show but that change what it shows: bidi controls
 * (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C: `evil\u202Etxt.exe` would display as
 * `evilexe.txt`), zero-width spaces and joiners, the BOM, soft hyphens, tags (all of Unicode's
 * format category Cf), C1 controls and the line/paragraph separators. Each becomes `_`, so the
 * real order of the name is visible.
 */
const INVISIBLE = /[\p{Cf}\u0080-\u009f\u2028\u2029]/u;
/** Zero-width (non-)joiners shape the letters or emoji on both sides; there they are kept. */
const JOINERS = new Set(['\u200c', '\u200d']);
const JOINABLE = /[\p{L}\p{M}\p{Extended_Pictographic}]/u;

function replaceInvisible(name: string): string {
  const chars = [...name];
  return chars
    .map((ch, i) => {
      if (!INVISIBLE.test(ch)) return ch;
      const joins = JOINERS.has(ch) && JOINABLE.test(chars[i - 1] ?? '') && JOINABLE.test(chars[i + 1] ?? '');
      return joins ? ch : '_';
    })
    .join('');
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Cuts to at most `max` UTF-8 bytes without splitting a code point. */
function cutBytes(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8Length(out + ch) > max) break;
    out += ch;
  }
  return out;
}

function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > 16) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

function limitLength(name: string, max: number): string {
  if (utf8Length(name) <= max) return name;
  const [base, ext] = splitExt(name);
  const keptExt = utf8Length(ext) < max / 2 ? ext : '';
  return cutBytes(base, max - utf8Length(keptExt)).replace(/[. ]+$/, '') + keptExt;
}

/** A local file or folder name that is valid on Windows, macOS and Linux. */
export function safeLocalName(remoteName: string): string {
  let name = replaceInvisible(remoteName.normalize('NFC')).replace(UNSAFE_CHARS, '_');
  name = name.replace(/[. ]+$/, '');
  if (name === '' || name === '.' || name === '..') name = '_';
  if (RESERVED.test(name)) name = `_${name}`;
  name = limitLength(name, MAX_BYTES);
  return name === '' ? '_' : name;
}

/** `name (n).ext`: the keep-both variant of a local name, still within the length limit. */
export function numberedName(name: string, n: number): string {
  const [base, ext] = splitExt(name);
  const suffix = ` (${n})`;
  return limitLength(`${base}${suffix}${ext}`, MAX_BYTES) === `${base}${suffix}${ext}`
    ? `${base}${suffix}${ext}`
    : `${cutBytes(base, MAX_BYTES - utf8Length(suffix + ext))}${suffix}${ext}`;
}

export class UnsafePathError extends Error {
  readonly code = 'EUNSAFEPATH';
  constructor() {
    super('A name would place a file outside the destination folder.');
    this.name = 'UnsafePathError';
  }
}

/** Joins `parts` under `root` and proves the result stays strictly inside `root`. */
export function resolveInside(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...parts);
  const rel = relative(base, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw new UnsafePathError();
  return target;
}

/**
 * Name of the partial file kept beside the target while downloading. It carries the whole item
 * id, so no two items can ever share one, whatever their final names.
 */
export function partFileName(finalName: string, itemId: string): string {
  const suffix = `.${itemId}.part`;
  return `${cutBytes(finalName, MAX_BYTES - utf8Length(suffix))}${suffix}`;
}

/**
 * The part name earlier versions used (the id's first 8 characters, which items created within
 * about a minute share). Only ever deleted, so such a file cannot be taken for this item's.
 */
export function legacyPartFileName(finalName: string, itemId: string): string {
  const suffix = `.${itemId.slice(0, 8)}.part`;
  return `${cutBytes(finalName, MAX_BYTES - utf8Length(suffix))}${suffix}`;
}

/** A case- and normalisation-insensitive key: names equal under it collide on some file system. */
export function nameKey(localName: string): string {
  return localName.normalize('NFC').toLowerCase();
}

/**
 * Hands out local names that no earlier call returned (compared by nameKey), numbering
 * `name (n).ext` on a clash, so siblings of one download never share a target.
 */
export function createNameAllocator(): (localName: string) => string {
  const taken = new Set<string>();
  return (localName) => {
    let name = localName;
    for (let n = 1; taken.has(nameKey(name)); n++) name = numberedName(localName, n);
    taken.add(nameKey(name));
    return name;
  };
}

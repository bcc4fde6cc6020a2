/** Relative sync paths: '/'-separated, no leading slash, '' for the pair's root. */
import { join, sep } from 'node:path';

/** Folders the sync keeps inside a pair's local folder, never synced themselves. */
export const STAGING_DIR = '.pandesk-sync';
export const LOCAL_TRASH_DIR = '.pandesk-trash';
const RESERVED = new Set([STAGING_DIR, LOCAL_TRASH_DIR]);

export function joinPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}

export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function depthOf(path: string): number {
  if (path === '') return 0;
  let n = 1;
  for (const ch of path) if (ch === '/') n++;
  return n;
}

/** True when `path` is `folder` itself or lies inside it. */
export function isWithin(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
}

/** `path` with its leading `from` folder replaced by `to` (the path must lie within `from`). */
export function rebase(path: string, from: string, to: string): string {
  if (path === from) return to;
  const rest = from === '' ? path : path.slice(from.length + 1);
  return joinPath(to, rest);
}

/** The reserved folders at a pair's root (staging for downloads, the fallback trash). */
export function isReserved(path: string): boolean {
  const first = path.split('/', 1)[0] ?? '';
  return RESERVED.has(first);
}

/** The absolute local path of a relative sync path. */
export function toLocal(root: string, path: string): string {
  return path === '' ? root : join(root, ...path.split('/'));
}

/** The relative sync path of an absolute local path inside `root` (undefined outside it). */
export function fromLocal(root: string, absolute: string): string | undefined {
  if (absolute === root) return '';
  const prefix = root.endsWith(sep) ? root : root + sep;
  if (!absolute.startsWith(prefix)) return undefined;
  return absolute.slice(prefix.length).split(sep).join('/');
}

/** The key under which two names clash on a case-insensitive file system. */
export function caseKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

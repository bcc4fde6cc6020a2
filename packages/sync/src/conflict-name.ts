/**
 * The name a conflicting local version is kept under, on both sides:
 * `report (conflict, my-laptop, 2026-03-01 10-15-30).docx`. The host says which computer's
 * version it is; the time is local, without characters the service refuses (`:`). Each part
 * is cut so the whole name stays within the service's 255 characters.
 */
import { checkName } from '@pandesk/contract';
import { joinPath, nameOf, parentOf } from './paths';

const MAX_NAME = 255;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function conflictStamp(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}-${pad(d.getMinutes())}-${pad(d.getSeconds())}`;
}

/** A host name without the characters the service refuses in names. */
export function cleanHost(host: string): string {
  const cleaned = host
    .replace(/["\\/:*?|><]/g, '-')
    .trim()
    .slice(0, 40);
  return cleaned === '' ? 'this computer' : cleaned;
}

function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 && name.length - dot <= 16 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/**
 * The conflict copy's path for `path`; `taken` says whether a path is in use on either side
 * (then ` 2`, ` 3` ... is added inside the parentheses).
 */
export function conflictPath(
  path: string,
  host: string,
  now: number,
  taken: (candidate: string) => boolean,
): string {
  const [stem, ext] = splitExt(nameOf(path));
  const tag = `conflict, ${cleanHost(host)}, ${conflictStamp(now)}`;
  for (let n = 1; ; n++) {
    const suffix = ` (${tag}${n === 1 ? '' : ` ${n}`})${ext}`;
    const room = Math.max(1, MAX_NAME - [...suffix].length);
    const name = `${[...stem].slice(0, room).join('')}${suffix}`;
    const candidate = joinPath(parentOf(path), checkName(name).ok ? name : `conflict${suffix}`);
    if (!taken(candidate)) return candidate;
  }
}

/**
 * Relative paths sent by the browser for staged files. Only a plain relative path made of
 * ordinary segments is accepted, so nothing a page sends can reach outside the staging root:
 * no absolute paths, drive letters, UNC prefixes, `.`/`..` segments, backslashes, NUL or other
 * control characters, and no empty segments.
 */

/** Longest relative path accepted, in UTF-16 units. */
export const MAX_RELATIVE_PATH_LENGTH = 4096;
/** Longest single segment, in UTF-16 units (most file systems stop at 255 bytes). */
export const MAX_SEGMENT_LENGTH = 255;
/** Deepest folder nesting accepted. */
export const MAX_DEPTH = 64;

export type SafePathResult =
  | { readonly ok: true; readonly segments: readonly string[] }
  | { readonly ok: false; readonly reason: string };

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function refuse(reason: string): SafePathResult {
  return { ok: false, reason };
}

function checkSegment(segment: string): string | undefined {
  if (segment === '') return 'has an empty segment';
  if (segment === '.' || segment === '..') return 'must not contain . or .. segments';
  if (segment.length > MAX_SEGMENT_LENGTH) return 'has a name that is too long';
  if (/^[a-zA-Z]:/.test(segment)) return 'must not name a drive';
  if (segment.endsWith(' ') || segment.endsWith('.')) return 'has a name ending in a space or dot';
  return undefined;
}

/**
 * Splits a browser-supplied relative path (`folder/sub/file.txt`, forward slashes only) into
 * safe segments, or says why it is refused.
 */
export function parseRelativePath(raw: string): SafePathResult {
  if (raw === '') return refuse('must not be empty');
  if (raw.length > MAX_RELATIVE_PATH_LENGTH) return refuse('is too long');
  if (CONTROL_CHARS.test(raw)) return refuse('must not contain control characters');
  if (raw.includes('\\')) return refuse('must use forward slashes only');
  if (raw.startsWith('/')) return refuse('must be relative');
  const segments = raw.split('/');
  if (segments.length > MAX_DEPTH) return refuse('is nested too deeply');
  for (const segment of segments) {
    const problem = checkSegment(segment);
    if (problem !== undefined) return refuse(problem);
  }
  return { ok: true, segments };
}

/** Batch ids are chosen by the page: short, URL- and file-name-safe. */
const BATCH_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function isSafeBatchId(value: string): boolean {
  return BATCH_ID.test(value);
}

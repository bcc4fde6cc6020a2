/**
 * HTTP Range parsing for the CDN (RFC 9110 §14), single byte ranges only, which is what
 * download clients send (reference §8.2: `bytes=a-b`, `a-`, `-n`).
 *
 * - A syntactically invalid header, another unit or a multi-range set is ignored (→ full 200),
 *   as the RFC allows.
 * - A valid range that selects nothing (start ≥ size, `-0`, any range on an empty file) is
 *   unsatisfiable (→ 416 with `Content-Range: bytes *\/size`).
 * - `end` is clamped to `size - 1`.
 */

/** Inclusive byte positions. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeResult =
  { kind: 'full' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const match = SINGLE_RANGE.exec(header.trim().replace(/\s+/g, ''));
  if (!match) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', range: { start, end } };
}

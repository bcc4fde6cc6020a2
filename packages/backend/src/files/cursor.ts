/**
 * The opaque cursors of pull-streamed listings. They are plain strings the back end can
 * check without keeping per-caller state: a prefix saying what they continue, then numbers.
 *
 * - `f.<folderId>.<serverCursor>`: the next service page of a folder listing
 * - `c.<folderId>.<offset>.<generation>`: the next page served from the folder cache
 * - `t.<page>`: the next recycle-bin page (1-based)
 * - `s.<serverCursor>`: the next search page
 */
import { ApiException } from '@pandesk/contract';

export type Cursor =
  | { readonly kind: 'server'; readonly folderId: number; readonly next: number }
  | {
      readonly kind: 'cache';
      readonly folderId: number;
      readonly offset: number;
      readonly generation: number;
    }
  | { readonly kind: 'trash'; readonly page: number }
  | { readonly kind: 'search'; readonly next: number };

export function encodeCursor(cursor: Cursor): string {
  switch (cursor.kind) {
    case 'server':
      return `f.${cursor.folderId}.${cursor.next}`;
    case 'cache':
      return `c.${cursor.folderId}.${cursor.offset}.${cursor.generation}`;
    case 'trash':
      return `t.${cursor.page}`;
    case 'search':
      return `s.${cursor.next}`;
  }
}

function invalid(): ApiException {
  return ApiException.because(
    'listing_expired',
    'This listing cursor is not valid here (the list may have been reloaded). Open the list again.',
  );
}

function numbers(parts: readonly string[], count: number): number[] {
  if (parts.length !== count) throw invalid();
  return parts.map((p) => {
    if (!/^\d{1,16}$/.test(p)) throw invalid();
    return Number(p);
  });
}

export function decodeCursor(text: string): Cursor {
  const [kind, ...rest] = text.split('.');
  if (kind === 'f') {
    const [folderId = 0, next = 0] = numbers(rest, 2);
    return { kind: 'server', folderId, next };
  }
  if (kind === 'c') {
    const [folderId = 0, offset = 0, generation = 0] = numbers(rest, 3);
    return { kind: 'cache', folderId, offset, generation };
  }
  if (kind === 't') {
    const [page = 1] = numbers(rest, 1);
    if (page < 1) throw invalid();
    return { kind: 'trash', page };
  }
  if (kind === 's') {
    const [next = 0] = numbers(rest, 1);
    return { kind: 'search', next };
  }
  throw invalid();
}

/** Decodes and checks the cursor continues a listing of `folderId` (or of the given kind). */
export function expectCursor<K extends Cursor['kind']>(
  text: string,
  kinds: readonly K[],
  folderId?: number,
): Extract<Cursor, { kind: K }> {
  const cursor = decodeCursor(text);
  if (!(kinds as readonly string[]).includes(cursor.kind)) throw invalid();
  if (folderId !== undefined && 'folderId' in cursor && cursor.folderId !== folderId) throw invalid();
  return cursor as Extract<Cursor, { kind: K }>;
}

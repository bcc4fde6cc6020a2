import { ApiException } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, expectCursor } from './cursor';

describe('listing cursors', () => {
  it('round-trip every kind', () => {
    for (const c of [
      { kind: 'server', folderId: 12, next: 99 },
      { kind: 'cache', folderId: 0, offset: 500, generation: 3 },
      { kind: 'trash', page: 2 },
      { kind: 'search', next: 7 },
    ] as const) {
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }
  });

  it('refuse garbage, other kinds and other folders', () => {
    for (const bad of ['x.1', 'f.1', 'f.a.2', 't.0', 'c.1.2', ''])
      expect(() => decodeCursor(bad)).toThrow(ApiException);
    expect(() => expectCursor('t.2', ['server', 'cache'])).toThrow(/not valid/);
    expect(() => expectCursor('f.5.9', ['server'], 6)).toThrow(ApiException);
    expect(expectCursor('f.5.9', ['server'], 5)).toEqual({ kind: 'server', folderId: 5, next: 9 });
  });
});

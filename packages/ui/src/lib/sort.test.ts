import { describe, expect, it } from 'vitest';
import type { FileEntry } from '@pandesk/contract';
import { compareEntries, extensionOf, mergeSorted } from './sort';

const entry = (
  id: number,
  name: string,
  kind: 'file' | 'folder' = 'file',
  size = 0,
  modifiedAt = 0,
): FileEntry => ({
  id,
  name,
  kind,
  size,
  modifiedAt,
  parentId: 0,
  md5: null,
  category: 'other',
  createdAt: 0,
  blocked: false,
});

describe('sorting', () => {
  it('keeps folders first in both directions and sorts names naturally', () => {
    const items = [
      entry(1, 'b10.txt'),
      entry(2, 'Zeta', 'folder'),
      entry(3, 'b2.txt'),
      entry(4, 'alpha', 'folder'),
    ];
    const asc = [...items].sort(compareEntries({ key: 'name', dir: 'asc' })).map((e) => e.name);
    expect(asc).toEqual(['alpha', 'Zeta', 'b2.txt', 'b10.txt']);
    const desc = [...items].sort(compareEntries({ key: 'name', dir: 'desc' })).map((e) => e.name);
    expect(desc).toEqual(['Zeta', 'alpha', 'b10.txt', 'b2.txt']);
  });

  it('sorts by size, modified time and type', () => {
    const items = [
      entry(1, 'a.zip', 'file', 30, 3),
      entry(2, 'b.doc', 'file', 10, 1),
      entry(3, 'c.txt', 'file', 20, 2),
    ];
    expect([...items].sort(compareEntries({ key: 'size', dir: 'asc' })).map((e) => e.id)).toEqual([2, 3, 1]);
    expect([...items].sort(compareEntries({ key: 'modified', dir: 'desc' })).map((e) => e.id)).toEqual([
      1, 3, 2,
    ]);
    expect([...items].sort(compareEntries({ key: 'type', dir: 'asc' })).map((e) => e.id)).toEqual([2, 3, 1]);
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('A.TAR.GZ')).toBe('gz');
  });

  it('merges a page into a sorted list like a full sort would', () => {
    const cmp = compareEntries({ key: 'name', dir: 'asc' });
    const all = Array.from({ length: 50 }, (_, i) => entry(i, `f${(i * 37) % 50}`));
    let acc: FileEntry[] = [];
    for (let i = 0; i < all.length; i += 7) acc = mergeSorted(acc, all.slice(i, i + 7), cmp);
    expect(acc.map((e) => e.id)).toEqual([...all].sort(cmp).map((e) => e.id));
  });
});

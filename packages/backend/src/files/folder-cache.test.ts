import type { FileEntry } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { createFolderCache } from './folder-cache';

const entry = (id: number, parentId: number): FileEntry => ({
  id,
  name: `n${id}`,
  parentId,
  kind: 'file',
  size: 1,
  md5: null,
  category: 'other',
  createdAt: 0,
  modifiedAt: 0,
  blocked: false,
});

describe('folder cache', () => {
  it('stores complete listings and finds parents', () => {
    const cache = createFolderCache();
    expect(cache.set(1, [entry(10, 1)], cache.version(1), 5)).toBe(true);
    expect(cache.get(1)?.items).toHaveLength(1);
    expect(cache.parentOf(10)).toBe(1);
    expect(cache.parentOf(11)).toBeUndefined();
  });

  it('refuses a fetch that started before an invalidation', () => {
    const cache = createFolderCache();
    const before = cache.version(2);
    cache.invalidate(2);
    expect(cache.set(2, [entry(20, 2)], before, 0)).toBe(false);
    expect(cache.get(2)).toBeUndefined();
    expect(cache.set(2, [entry(20, 2)], cache.version(2), 0)).toBe(true);
  });

  it('changes the generation on every replacement', () => {
    const cache = createFolderCache();
    cache.set(3, [], 0, 0);
    const g = cache.get(3)!.generation;
    cache.set(3, [entry(30, 3)], 0, 0);
    expect(cache.get(3)!.generation).not.toBe(g);
  });

  it('evicts the least recently used folders beyond the item bound', () => {
    const cache = createFolderCache(3);
    cache.set(1, [entry(1, 1), entry(2, 1)], 0, 0);
    cache.set(2, [entry(3, 2)], 0, 0);
    cache.get(1);
    cache.set(3, [entry(4, 3)], 0, 0);
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBeDefined();
    expect(cache.get(3)).toBeDefined();
  });
});

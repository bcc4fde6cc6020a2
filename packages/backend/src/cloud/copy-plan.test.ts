import type { PanEntry } from '@pandesk/open-api';
import { describe, expect, it } from 'vitest';
import { freeName, planCopy } from './copy-plan';

let nextId = 100;
function entry(name: string, kind: PanEntry['kind'] = 'file', id = nextId++): PanEntry {
  return {
    id,
    name,
    parentId: 1,
    kind,
    size: 1,
    md5: '',
    trashed: false,
    createdAt: 0,
    updatedAt: 0,
    category: 0,
    status: 0,
  };
}

describe('freeName', () => {
  it('numbers before the extension, and after the whole name for folders', () => {
    expect(freeName('a.txt', 'file', new Set(['a.txt']))).toBe('a(1).txt');
    expect(freeName('a.txt', 'file', new Set(['a.txt', 'a(1).txt', 'a(2).txt']))).toBe('a(3).txt');
    expect(freeName('my.photos', 'folder', new Set())).toBe('my.photos(1)');
    expect(freeName('.env', 'file', new Set())).toBe('.env(1)');
    expect(freeName('archive.tar.gz', 'file', new Set())).toBe('archive.tar(1).gz');
  });

  it('stays within 255 characters', () => {
    const long = `${'x'.repeat(260)}.bin`;
    const name = freeName(long, 'file', new Set());
    expect([...name].length).toBe(255);
    expect(name.endsWith('(1).bin')).toBe(true);
  });
});

describe('planCopy', () => {
  const target = [entry('a.txt'), entry('docs', 'folder'), entry('z.txt')];

  it('copies free names straight in and stages clashes by policy', () => {
    const [a, free, docs] = [entry('a.txt'), entry('new.txt'), entry('docs', 'folder')];
    const keep = planCopy([a, free, docs], target, 'keep_both');
    expect(keep.direct).toEqual([free]);
    expect(keep.skipped).toEqual([]);
    expect(keep.layers).toEqual([
      [
        { source: a, clash: target[0], policy: 'keep_both' },
        { source: docs, clash: target[1], policy: 'keep_both' },
      ],
    ]);
    const over = planCopy([a, free], target, 'overwrite');
    expect(over.layers[0]?.[0]).toEqual({ source: a, clash: target[0], policy: 'overwrite' });
    const skip = planCopy([a, free, docs], target, 'skip');
    expect(skip).toEqual({ direct: [free], layers: [], skipped: [a, docs] });
  });

  it('gives an item copied into its own folder a second copy, whatever the policy', () => {
    const self = target[2]!;
    for (const policy of ['skip', 'overwrite', 'keep_both'] as const)
      expect(planCopy([self], target, policy).layers).toEqual([
        [{ source: self, clash: null, policy: 'keep_both' }],
      ]);
  });

  it('keeps both when two sources share a name, one staging layer per repeat', () => {
    const [x1, x2, x3] = [entry('x.bin'), entry('x.bin'), entry('x.bin')];
    const plan = planCopy([x1, x2, x3], target, 'overwrite');
    expect(plan.direct).toEqual([x1]);
    expect(plan.layers).toEqual([
      [{ source: x2, clash: null, policy: 'keep_both' }],
      [{ source: x3, clash: null, policy: 'keep_both' }],
    ]);
    expect(planCopy([x1, x2], target, 'skip')).toEqual({ direct: [x1], layers: [], skipped: [x2] });
  });
});

import { describe, expect, it } from 'vitest';
import { isSafeBatchId, parseRelativePath } from './safe-path';

describe('parseRelativePath', () => {
  it('accepts plain relative paths, including non-ASCII names and spaces inside names', () => {
    expect(parseRelativePath('a.txt')).toEqual({ ok: true, segments: ['a.txt'] });
    expect(parseRelativePath('照片/2025 夏天/img 1.jpg')).toEqual({
      ok: true,
      segments: ['照片', '2025 夏天', 'img 1.jpg'],
    });
    expect(parseRelativePath('..hidden/..x')).toEqual({ ok: true, segments: ['..hidden', '..x'] });
  });

  it.each([
    ['..', 'must not contain . or .. segments'],
    ['../etc/passwd', 'must not contain . or .. segments'],
    ['a/../../b', 'must not contain . or .. segments'],
    ['./a', 'must not contain . or .. segments'],
    ['/etc/passwd', 'must be relative'],
    ['C:/Windows/x', 'must not name a drive'],
    ['C:x', 'must not name a drive'],
    ['a\\..\\b', 'must use forward slashes only'],
    ['\\\\server\\share', 'must use forward slashes only'],
    ['a//b', 'has an empty segment'],
    ['a/', 'has an empty segment'],
    ['', 'must not be empty'],
    ['a\u0000b', 'must not contain control characters'],
    ['a\nb', 'must not contain control characters'],
    ['name. ', 'has a name ending in a space or dot'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(parseRelativePath(raw)).toEqual({ ok: false, reason });
  });

  it('refuses overlong paths, names and nesting', () => {
    expect(parseRelativePath('x'.repeat(256)).ok).toBe(false);
    expect(parseRelativePath(Array(65).fill('d').join('/')).ok).toBe(false);
    expect(parseRelativePath('a/'.repeat(3000) + 'b').ok).toBe(false);
  });
});

describe('isSafeBatchId', () => {
  it('accepts 8-64 URL-safe characters only', () => {
    expect(isSafeBatchId('abcDEF12_-')).toBe(true);
    expect(isSafeBatchId('short')).toBe(false);
    expect(isSafeBatchId('../../../etc')).toBe(false);
    expect(isSafeBatchId('a'.repeat(65))).toBe(false);
    expect(isSafeBatchId('abcdefgh/')).toBe(false);
  });
});

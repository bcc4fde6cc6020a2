import { expect, test } from 'vitest';
import { ApiError } from '../core/errors';
import { createParams } from './params';

test('body keys match case-insensitively; query keys exactly', () => {
  const body = createParams({ parentFileId: 5 }, true);
  expect(body.id('parentFileID')).toBe(5);
  const query = createParams({ parentFileId: '5' }, false);
  expect(query.optionalId('parentFileID')).toBeUndefined();
  expect(query.id('parentFileId')).toBe(5);
});

test('ids accept numbers and numeric strings, nothing else', () => {
  const p = createParams({ a: 12, b: '34', c: ' 56 ', d: 'x', e: 1.5, list: [1, '2'], bad: [1, 'z'] }, true);
  expect([p.id('a'), p.id('b'), p.id('c')]).toEqual([12, 34, 56]);
  expect(() => p.id('d')).toThrow(ApiError);
  expect(() => p.id('e')).toThrow(ApiError);
  expect(() => p.id('missing')).toThrow(ApiError);
  expect(p.idList('list')).toEqual([1, 2]);
  expect(() => p.idList('bad')).toThrow(ApiError);
});

test('empty strings count as absent', () => {
  const p = createParams({ searchMode: '', searchData: '', lastFileId: '' }, false);
  expect(p.has('searchMode')).toBe(false);
  expect(p.number('searchMode', 0)).toBe(0);
  expect(p.optionalString('searchData')).toBeUndefined();
  expect(p.optionalId('lastFileId')).toBeUndefined();
});

test('booleans accept true/false, "true"/"false" and 1/0', () => {
  const p = createParams({ a: true, b: 'false', c: 1, d: '0', e: 'maybe' }, true);
  expect([
    p.bool('a', false),
    p.bool('b', true),
    p.bool('c', false),
    p.bool('d', true),
    p.bool('z', true),
  ]).toEqual([true, false, true, false, true]);
  expect(() => p.bool('e', false)).toThrow(ApiError);
});

import { expect, test } from 'vitest';
import { ApiError } from './errors';
import { assertValidName, categoryOf, splitExt } from './names';

test('accepts ordinary names, unicode and 255 characters', () => {
  for (const name of ['a.txt', '报告 2024.docx', ' leading space', 'x'.repeat(255), '😀.png']) {
    expect(() => assertValidName(name), name).not.toThrow();
  }
});

test('refuses non-strings, empty, blank, over 255 characters and each forbidden character', () => {
  const bad = ['', '   ', '\t', '\u3000', 'x'.repeat(256), ...'"\\/:*?|><'.split('').map((c) => `a${c}b`)];
  for (const name of [...bad, 5, null]) {
    expect(() => assertValidName(name), JSON.stringify(name)).toThrow(ApiError);
  }
});

test('the error is code 1 with the service message prefix', () => {
  try {
    assertValidName('a:b');
    expect.unreachable();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(1);
    expect((err as ApiError).message.startsWith('文件名要小于256个字符且不能包含以下任何字符')).toBe(true);
  }
});

test('extension split and category', () => {
  expect(splitExt('a.b.txt')).toEqual({ base: 'a.b', ext: '.txt' });
  expect(splitExt('.env')).toEqual({ base: '.env', ext: '' });
  expect(categoryOf('x.MP3')).toBe(1);
  expect(categoryOf('x.mkv')).toBe(2);
  expect(categoryOf('x.jpg')).toBe(3);
  expect(categoryOf('x.bin')).toBe(0);
});

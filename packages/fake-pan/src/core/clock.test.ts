import { expect, test } from 'vitest';
import { formatFileTime, formatRfc3339Cst, formatV1Time } from './clock';

// 2025-03-23T07:48:37Z is 15:48:37 in China (UTC+8).
const ms = Date.UTC(2025, 2, 23, 7, 48, 37);

test('file times are UTC+8 without a zone marker', () => {
  expect(formatFileTime(ms)).toBe('2025-03-23 15:48:37');
});

test('expiredAt is RFC 3339 with +08:00', () => {
  expect(formatRfc3339Cst(ms)).toBe('2025-03-23T15:48:37+08:00');
  expect(new Date(formatRfc3339Cst(ms)).getTime()).toBe(ms);
});

test('v1 times end with +0800 CST, and the date rolls over at 16:00 UTC', () => {
  expect(formatV1Time(Date.UTC(2024, 11, 31, 16, 0, 1))).toBe('2025-01-01 00:00:01 +0800 CST');
});

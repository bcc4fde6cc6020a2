import { describe, expect, it } from 'vitest';
import { decodeText } from './text-head';

describe('decoding a text preview', () => {
  it('reads UTF-8, dropping a character cut at the end of the range', () => {
    const bytes = new TextEncoder().encode('预览 ok');
    expect(decodeText(bytes, false)).toBe('预览 ok');
    // The first 4 bytes hold 预 (3 bytes) and the first byte of 览.
    expect(decodeText(bytes.subarray(0, 4), true)).toBe('预');
  });

  it('falls back to GB18030 for Chinese text that is not UTF-8', () => {
    // 中文 in GBK/GB18030.
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);
    expect(decodeText(gbk, false)).toBe('中文');
  });
});

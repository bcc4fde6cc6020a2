import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMd5, md5Hex, md5OfStream } from './md5';

const nodeMd5 = (b: Uint8Array): string => createHash('md5').update(b).digest('hex');

describe('md5', () => {
  it('matches RFC 1321 test vectors', () => {
    const enc = new TextEncoder();
    expect(md5Hex(enc.encode(''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex(enc.encode('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(
      md5Hex(enc.encode('12345678901234567890123456789012345678901234567890123456789012345678901234567890')),
    ).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('matches node:crypto around every block boundary and for chunked input', () => {
    for (const size of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_001]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 0xff);
      expect(md5Hex(bytes), `size ${size}`).toBe(nodeMd5(bytes));
      const h = createMd5();
      for (let i = 0; i < size; i += 37) h.update(bytes.subarray(i, i + 37));
      expect(h.digestHex(), `chunked ${size}`).toBe(nodeMd5(bytes));
    }
  });

  it('hashes a stream', async () => {
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => i & 0xff);
    expect(await md5OfStream(new Blob([bytes]).stream())).toBe(nodeMd5(bytes));
  });

  it('refuses updates after the digest', () => {
    const h = createMd5();
    h.digestHex();
    expect(() => h.update(new Uint8Array(1))).toThrow();
  });
});

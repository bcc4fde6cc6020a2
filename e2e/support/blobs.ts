import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * Deterministic test content: `size` bytes from a seeded xorshift generator, so a byte that
 * lands in the wrong place (a resumed segment written at the wrong offset) changes the file.
 */
export function seededBytes(seed: number, size: number): Buffer {
  const out = Buffer.alloc(Math.ceil(size / 4) * 4);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < out.length; i += 4) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out.writeUInt32LE(x, i);
  }
  return out.subarray(0, size);
}

export function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** The file's bytes, or an empty buffer while it does not exist yet (for polling). */
export function readOrEmpty(path: string): Promise<Buffer> {
  return readFile(path).catch(() => Buffer.alloc(0));
}

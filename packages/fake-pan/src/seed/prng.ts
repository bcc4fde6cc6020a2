/**
 * A seeded PRNG (mulberry32) and a stream of pseudo-random bytes from it, so the demo drive has
 * the same content, hashes and sizes on every machine.
 */
import { Readable } from 'node:stream';

/** Returns a function giving uniform 32-bit unsigned integers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** `size` pseudo-random bytes from `seed`. */
export function prngBytes(seed: number, size: number): Buffer {
  const next = mulberry32(seed);
  const out = Buffer.allocUnsafe(size);
  let i = 0;
  for (; i + 4 <= size; i += 4) out.writeUInt32LE(next(), i);
  const last = next();
  for (let shift = 0; i < size; i++, shift += 8) out[i] = (last >>> shift) & 0xff;
  return out;
}

/** A stream of `size` pseudo-random bytes in 1 MiB chunks (never the whole thing in memory). */
export function prngStream(seed: number, size: number, chunkSize = 1024 * 1024): Readable {
  const next = mulberry32(seed);
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(chunkSize, left);
      const chunk = Buffer.allocUnsafe(n);
      let i = 0;
      for (; i + 4 <= n; i += 4) chunk.writeUInt32LE(next(), i);
      const last = next();
      for (let shift = 0; i < n; i++, shift += 8) chunk[i] = (last >>> shift) & 0xff;
      left -= n;
      this.push(chunk);
    },
  });
}

/**
 * Incremental MD5 in plain TypeScript (RFC 1321). Web Crypto has no MD5 and the client may not
 * use Node built-ins, yet the API keys uploads on MD5 (`etag`, `sliceMD5`). Memory use is one
 * 64-byte block whatever the input size, so slices can be hashed while they stream.
 */
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export interface Md5 {
  update(bytes: Uint8Array): Md5;
  /** Lowercase hex digest. The hasher cannot be updated afterwards. */
  digestHex(): string;
}

export function createMd5(): Md5 {
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  const block = new Uint8Array(64);
  const words = new Uint32Array(16);
  let blockLen = 0;
  let total = 0;
  let done = false;

  const compress = (): void => {
    for (let i = 0; i < 16; i++) {
      const o = i * 4;
      words[i] = (block[o]! | (block[o + 1]! << 8) | (block[o + 2]! << 16) | (block[o + 3]! << 24)) >>> 0;
    }
    let a = state[0]!,
      b = state[1]!,
      c = state[2]!,
      d = state[3]!;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const s = S[(i >> 4) * 4 + (i % 4)]!;
      const sum = (a + f + K[i]! + words[g]!) >>> 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
    }
    state[0] = (state[0]! + a) >>> 0;
    state[1] = (state[1]! + b) >>> 0;
    state[2] = (state[2]! + c) >>> 0;
    state[3] = (state[3]! + d) >>> 0;
  };

  const hasher: Md5 = {
    update(bytes) {
      if (done) throw new Error('md5: update after digest');
      total += bytes.length;
      let i = 0;
      while (i < bytes.length) {
        const take = Math.min(64 - blockLen, bytes.length - i);
        block.set(bytes.subarray(i, i + take), blockLen);
        blockLen += take;
        i += take;
        if (blockLen === 64) {
          compress();
          blockLen = 0;
        }
      }
      return hasher;
    },
    digestHex() {
      if (done) throw new Error('md5: digest called twice');
      const bitLen = total * 8;
      const pad = new Uint8Array((blockLen < 56 ? 56 : 120) - blockLen);
      pad[0] = 0x80;
      hasher.update(pad);
      const len = new Uint8Array(8);
      const lo = bitLen >>> 0;
      const hi = Math.floor(bitLen / 2 ** 32) >>> 0;
      for (let j = 0; j < 4; j++) {
        len[j] = (lo >>> (8 * j)) & 0xff;
        len[j + 4] = (hi >>> (8 * j)) & 0xff;
      }
      hasher.update(len);
      done = true;
      let hex = '';
      for (const word of state)
        for (let j = 0; j < 4; j++) hex += ((word >>> (8 * j)) & 0xff).toString(16).padStart(2, '0');
      return hex;
    },
  };
  return hasher;
}

export function md5Hex(bytes: Uint8Array): string {
  return createMd5().update(bytes).digestHex();
}

/** Hash a stream without keeping it; honours `signal` between chunks. */
export async function md5OfStream(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<string> {
  const hasher = createMd5();
  const reader = stream.getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      hasher.update(value);
    }
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  return hasher.digestHex();
}

/**
 * A pass-through stream that hashes and counts the bytes flowing through it, so content can be
 * written to disk and fingerprinted in one pass without ever being held in memory.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export interface HashResult {
  /** Lowercase hex MD5. */
  md5: string;
  /** Lowercase hex SHA-1; '' when SHA-1 hashing was not asked for. */
  sha1: string;
  /** Bytes seen. */
  size: number;
}

export interface HashingStream extends Transform {
  /** Only valid once the stream has finished. */
  result(): HashResult;
}

/**
 * @param withSha1 also compute SHA-1 (needed when the bytes become a blob; slices skip it).
 * @param maxBytes fail the stream once more than this many bytes arrived (Infinity = no cap).
 */
export function createHashingStream(withSha1 = true, maxBytes = Infinity): HashingStream {
  const md5 = createHash('md5');
  const sha1: Hash | undefined = withSha1 ? createHash('sha1') : undefined;
  let size = 0;
  let digest: HashResult | undefined;
  const stream = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new SizeLimitError(maxBytes));
        return;
      }
      md5.update(chunk);
      sha1?.update(chunk);
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      digest = { md5: md5.digest('hex'), sha1: sha1 ? sha1.digest('hex') : '', size };
      done();
    },
  }) as HashingStream;
  stream.result = () => {
    if (!digest) throw new Error('hashing stream has not finished');
    return digest;
  };
  return stream;
}

/** Raised when a stream carries more bytes than allowed. */
export class SizeLimitError extends Error {
  constructor(readonly limit: number) {
    super(`content exceeds ${limit} bytes`);
    this.name = 'SizeLimitError';
  }
}

/** MD5 (hex) of an in-memory buffer; for small things like test fixtures. */
export function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** SHA-1 (hex) of an in-memory buffer. */
export function sha1Hex(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

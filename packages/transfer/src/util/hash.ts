/**
 * Streaming MD5 of a file or a byte range of it. Reads in 1 MiB chunks through a stream, so
 * memory stays flat and the event loop gets a turn between chunks.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

const CHUNK = 1024 * 1024;

/** MD5 (lowercase hex) of bytes [start, end) of the file; whole file when no range. */
export async function md5File(
  path: string,
  range?: { start: number; end: number },
  signal?: AbortSignal,
): Promise<string> {
  const hash = createHash('md5');
  if (range && range.end <= range.start) return hash.digest('hex');
  const stream = createReadStream(path, {
    highWaterMark: CHUNK,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
    ...(signal ? { signal } : {}),
  });
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

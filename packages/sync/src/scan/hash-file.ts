/** MD5 of a local file, streamed (never the whole file in memory). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function md5File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024, signal })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

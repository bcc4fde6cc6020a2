/**
 * The verification step of `upload_complete` (reference §7.4): stream every slice, in order,
 * into one temp file while hashing, compare the whole-file MD5 and size with what create
 * declared, and hand the result to the content store. Never buffers a slice in memory.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { BlobInfo, ContentStore } from '../content/content-store';
import { createHashingStream } from '../content/hashing';
import type { UploadSession, UploadSessions } from './upload-sessions';

export type MergeResult = { ok: true; blob: BlobInfo } | { ok: false; reason: 'mismatch' | 'io' };

/** Never rejects: an I/O failure (e.g. a slice file vanished) is reported as `io`. */
export async function mergeSlices(
  store: ContentStore,
  sessions: UploadSessions,
  session: UploadSession,
): Promise<MergeResult> {
  const temp = store.tempPath('merge');
  const hashing = createHashingStream(true);
  const count = sessions.sliceCount(session);
  async function* slicesInOrder(): AsyncGenerator<Buffer> {
    for (let n = 1; n <= count; n++) {
      for await (const chunk of createReadStream(sessions.slicePath(session, n))) yield chunk as Buffer;
    }
  }
  try {
    await pipeline(slicesInOrder, hashing, createWriteStream(temp));
  } catch {
    await rm(temp, { force: true });
    return { ok: false, reason: 'io' };
  }
  const blob = hashing.result();
  if (blob.md5 !== session.md5 || blob.size !== session.size) {
    await rm(temp, { force: true });
    return { ok: false, reason: 'mismatch' };
  }
  try {
    await store.adoptFile(temp, blob);
  } catch {
    await rm(temp, { force: true });
    return { ok: false, reason: 'io' };
  }
  return { ok: true, blob };
}

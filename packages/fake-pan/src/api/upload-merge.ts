/**
 * The verification step of `upload_complete` (reference §7.4) once the slices are assembled
 * (`upload-assembly.ts` concatenates them in order while they arrive, hashing on the way):
 * compare the whole-file MD5 and size with what create declared, then hand the assembly file
 * to the content store by rename (no second copy).
 */
import { rm } from 'node:fs/promises';
import type { BlobInfo, ContentStore } from '../content/content-store';
import type { HashResult } from '../content/hashing';
import type { UploadSession } from './upload-sessions';

export type MergeResult = { ok: true; blob: BlobInfo } | { ok: false; reason: 'mismatch' | 'io' };

/**
 * Never rejects. `file` holds exactly the bytes `hashes` describe; it is adopted on success and
 * deleted otherwise (mismatch, or an I/O failure while adopting).
 */
export async function adoptAssembly(
  store: ContentStore,
  session: UploadSession,
  file: string,
  hashes: HashResult,
): Promise<MergeResult> {
  const blob: BlobInfo = { md5: hashes.md5, sha1: hashes.sha1, size: hashes.size };
  if (blob.md5 !== session.md5 || blob.size !== session.size) {
    await rm(file, { force: true });
    return { ok: false, reason: 'mismatch' };
  }
  try {
    await store.adoptFile(file, blob);
  } catch {
    await rm(file, { force: true });
    return { ok: false, reason: 'io' };
  }
  return { ok: true, blob };
}

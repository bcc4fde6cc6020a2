/**
 * The journaled pre-upload session: the server's session plus the identity (MD5, size,
 * mtime) of the local file it was made for, and the slices' MD5s when they were read with the
 * file's (so a resume needs no read of its own to hash them). A session for another identity is
 * never reused.
 */
import type { ConflictPolicy } from '@pandesk/contract';
import type { DuplicateMode, UploadSession } from '../ports';

/** What the service does on a name clash, for each conflict policy (skip: refuse, code "exists"). */
export function duplicateMode(policy: ConflictPolicy): DuplicateMode {
  return policy === 'keep_both' ? 'keep_both' : policy === 'overwrite' ? 'overwrite' : 'error';
}

export interface StoredSession extends UploadSession {
  md5: string;
  size: number;
  mtimeMs: number;
  /** MD5 of every slice of this session, in order, when known before sending. */
  sliceMd5s?: readonly string[];
}

const MD5_HEX = /^[0-9a-f]{32}$/;

export function parseSession(json: string | null): StoredSession | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<StoredSession>;
    if (typeof v.preuploadId !== 'string' || typeof v.sliceSize !== 'number' || v.sliceSize <= 0) return null;
    if (
      typeof v.server !== 'string' ||
      typeof v.md5 !== 'string' ||
      typeof v.size !== 'number' ||
      typeof v.mtimeMs !== 'number'
    )
      return null;
    const session = v as StoredSession;
    const hashes = v.sliceMd5s as unknown;
    const valid =
      Array.isArray(hashes) &&
      hashes.length === sliceCount(session.size, session.sliceSize) &&
      hashes.every((h) => typeof h === 'string' && MD5_HEX.test(h));
    if (!valid) delete session.sliceMd5s; // hashed again slice by slice while sending
    return session;
  } catch {
    return null;
  }
}

export function sliceCount(size: number, sliceSize: number): number {
  return Math.ceil(size / sliceSize);
}

/** Byte range [start, end) of 1-based slice `no`. */
export function sliceRange(no: number, size: number, sliceSize: number): { start: number; end: number } {
  const start = (no - 1) * sliceSize;
  return { start, end: Math.min(size, start + sliceSize) };
}

/**
 * The journaled pre-upload session: the server's session plus the identity (MD5, size,
 * mtime) of the local file it was made for. A session for another identity is never reused.
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
}

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
    return v as StoredSession;
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

/**
 * Any failure a job throws → the closed set of TransferError codes, in words a person can act
 * on. Messages never carry URLs (signed CDN links hold secrets).
 */
import type { TransferError } from '@pandesk/contract';
import { FileChangedError, RemoteChangedError } from './job-context';
import { DriveError } from './ports';
import { HttpStatusError } from './retry';
import { isFsError, mapFsError } from './util/fs-errors';
import { UnsafePathError } from './util/safe-name';

const DRIVE: Record<DriveError['kind'], TransferError['code']> = {
  auth: 'auth_required',
  network: 'network',
  rate_limited: 'rate_limited',
  session_expired: 'remote',
  slice_rejected: 'remote',
  not_found: 'not_found',
  name_conflict: 'name_conflict',
  quota: 'quota',
  checksum_mismatch: 'checksum_mismatch',
  fatal: 'remote',
};

/** Removes anything URL-shaped so a signed link never reaches a log or the UI. */
export function scrub(message: string): string {
  return message.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>').slice(0, 500);
}

export function classify(error: unknown): TransferError {
  if (error instanceof FileChangedError)
    return { code: 'changed_while_uploading', message: error.message, retryable: true };
  if (error instanceof RemoteChangedError) return { code: 'remote', message: error.message, retryable: true };
  if (error instanceof UnsafePathError)
    return { code: 'unsafe_path', message: error.message, retryable: false };
  if (error instanceof DriveError) {
    const code = DRIVE[error.kind];
    return { code, message: scrub(error.message), retryable: code !== 'name_conflict' };
  }
  if (error instanceof HttpStatusError) return { code: 'remote', message: error.message, retryable: true };
  if ((error as Error | null)?.name === 'NotReadableError') {
    return { code: 'changed_while_uploading', message: new FileChangedError().message, retryable: true };
  }
  if (isFsError(error)) return mapFsError(error);
  const message = error instanceof Error ? scrub(error.message) : 'Unexpected failure.';
  return { code: 'unknown', message, retryable: true };
}

/**
 * Any failure a job throws → a TransferError: the closed code, the specific reason the UI words
 * in the user's language, and the params those words need. The English message is for logs.
 * Messages never carry URLs (signed CDN links hold secrets).
 */
import type { ErrorReason, TransferError } from '@pandesk/contract';
import { FileChangedError, RemoteChangedError } from './job-context';
import type { JournalItem } from './journal/records';
import { DriveError } from './ports';
import { HttpStatusError } from './retry';
import { fsErrorCode, isFsError, mapFsError } from './util/fs-errors';
import { UnsafePathError } from './util/safe-name';

const DRIVE: Record<DriveError['kind'], { code: TransferError['code']; reason: ErrorReason }> = {
  auth: { code: 'auth_required', reason: 'auth_lost' },
  network: { code: 'network', reason: 'service_unreachable' },
  rate_limited: { code: 'rate_limited', reason: 'rate_limited' },
  session_expired: { code: 'remote', reason: 'upload_session_lost' },
  slice_rejected: { code: 'remote', reason: 'slice_rejected' },
  not_found: { code: 'not_found', reason: 'item_not_found' },
  name_conflict: { code: 'name_conflict', reason: 'name_taken' },
  quota: { code: 'quota', reason: 'space_exhausted' },
  checksum_mismatch: { code: 'checksum_mismatch', reason: 'checksum_mismatch' },
  fatal: { code: 'remote', reason: 'service_said' },
};

/** Causes a retry without any change cannot cure: Retry is not offered for them. */
const NOT_RETRYABLE: ReadonlySet<ErrorReason> = new Set<ErrorReason>([
  'name_taken',
  'name_rules',
  'file_too_large',
  'move_into_itself',
  'unsafe_local_name',
  'local_source_missing',
  'local_not_regular_file',
]);

/** Removes anything URL-shaped so a signed link never reaches a log or the UI. */
export function scrub(message: string): string {
  return message.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '<url>').slice(0, 500);
}

function fromDrive(error: DriveError): TransferError {
  const { code, reason: byKind } = DRIVE[error.kind];
  const reason = error.facts.reason ?? byKind;
  return {
    code,
    message: scrub(error.message),
    retryable: !NOT_RETRYABLE.has(reason),
    reason,
    ...(error.facts.params === undefined ? {} : { params: error.facts.params }),
    ...(error.facts.detail === undefined ? {} : { detail: error.facts.detail }),
  };
}

/** A local disk failure; for an upload, the source file being gone is said as such. */
function fromFs(error: unknown, item?: JournalItem): TransferError {
  const mapped = mapFsError(error);
  const missingSource =
    item?.direction === 'upload' &&
    fsErrorCode(error) === 'ENOENT' &&
    (error as { path?: unknown }).path === item.localPath;
  if (!missingSource) return mapped;
  return {
    code: 'not_found',
    reason: 'local_source_missing',
    message: 'The local file to upload no longer exists.',
    params: { path: item.localPath },
    retryable: false,
  };
}

/** `item` (when known) lets a missing local file be told apart from other missing paths. */
export function classify(error: unknown, item?: JournalItem): TransferError {
  if (error instanceof FileChangedError)
    return {
      code: 'changed_while_uploading',
      reason: 'local_file_changed',
      message: error.message,
      retryable: true,
    };
  if (error instanceof RemoteChangedError)
    return { code: 'remote', reason: 'cloud_file_changed', message: error.message, retryable: true };
  if (error instanceof UnsafePathError)
    return {
      code: 'unsafe_path',
      reason: 'unsafe_local_name',
      message: error.message,
      ...(item === undefined ? {} : { params: { name: item.name } }),
      retryable: false,
    };
  if (error instanceof DriveError) return fromDrive(error);
  if (error instanceof HttpStatusError)
    return {
      code: 'remote',
      reason: 'download_server_error',
      message: error.message,
      params: { status: error.status },
      retryable: true,
    };
  if ((error as Error | null)?.name === 'NotReadableError') {
    const changed = new FileChangedError();
    return {
      code: 'changed_while_uploading',
      reason: 'local_file_changed',
      message: changed.message,
      retryable: true,
    };
  }
  if (isFsError(error)) return fromFs(error, item);
  const message = error instanceof Error ? scrub(error.message) : 'Unexpected failure.';
  return { code: 'unknown', reason: 'internal', message, retryable: true };
}

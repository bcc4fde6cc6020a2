/**
 * One place that turns failures from the open-api client (and the local disk) into the
 * contract's errors, with words a person understands. Service messages from 123pan carry no
 * secrets (open-api guarantees it), so they may be quoted.
 */
import { ApiException } from '@pandesk/contract';
import type { ErrorCode } from '@pandesk/contract';
import { isPanError } from '@pandesk/open-api';
import type { PanError, PanErrorCode } from '@pandesk/open-api';

const PAN_TO_API: Record<PanErrorCode, ErrorCode> = {
  auth_required: 'auth_required',
  rate_limited: 'rate_limited',
  not_found: 'not_found',
  name_conflict: 'name_conflict',
  invalid_name: 'invalid_name',
  quota: 'quota',
  traffic_exhausted: 'quota',
  processing: 'network',
  network: 'network',
  timeout: 'network',
  aborted: 'cancelled',
  bad_response: 'internal',
  server: 'network',
  upload_failed: 'internal',
  service: 'internal',
  invalid_argument: 'invalid_input',
};

/** The service's own words, without our endpoint prefix (`file.list: ... (code 1)`). */
function serviceWords(error: PanError): string {
  return error.message.replace(/^[\w.]+:\s*/, '');
}

function panMessage(error: PanError): string {
  switch (error.code) {
    case 'auth_required':
      return 'The 123pan service refused the credentials. Check the connection settings and sign in again.';
    case 'rate_limited':
      return 'The 123pan service asked PanDesk to slow down. Try again in a moment.';
    case 'not_found':
      return 'That file or folder does not exist any more. Refresh the folder.';
    case 'name_conflict':
      return 'An item with that name already exists in this folder.';
    case 'quota':
      return 'There is not enough space left on the drive.';
    case 'traffic_exhausted':
      return "Today's download traffic of this account is used up. Try again tomorrow.";
    case 'network':
    case 'timeout':
    case 'server':
    case 'processing':
      return 'The 123pan service could not be reached or did not answer. Check the network; retrying usually helps.';
    case 'aborted':
      return 'The operation was cancelled.';
    default:
      return `The 123pan service reported a problem: ${serviceWords(error)}`;
  }
}

/** An ApiException for any failure; unknown failures become `internal` with a generic message. */
export function toApiException(error: unknown): ApiException {
  if (error instanceof ApiException) return error;
  if (isPanError(error)) {
    const code = PAN_TO_API[error.code];
    const message =
      error.code === 'invalid_name' || error.code === 'invalid_argument'
        ? serviceWords(error)
        : panMessage(error);
    return new ApiException(code, message);
  }
  const fsCode = (error as { code?: unknown } | null)?.code;
  if (typeof fsCode === 'string' && /^E[A-Z]+$/.test(fsCode)) return fsException(fsCode);
  return new ApiException('internal', 'Something went wrong inside PanDesk. The log has the details.');
}

const FS_WORDS: Record<string, string> = {
  EACCES: 'PanDesk is not allowed to use a local file or folder (permission denied).',
  EPERM: 'PanDesk is not allowed to use a local file or folder (permission denied).',
  ENOSPC: 'The local disk is full.',
  EROFS: 'The local disk or folder is read-only.',
  EISDIR: 'A folder was found where a file was expected.',
  ENOTDIR: 'A file was found where a folder was expected.',
};

function fsException(code: string): ApiException {
  if (code === 'ENOENT')
    return new ApiException('not_found', 'A local file or folder does not exist (any more).');
  return new ApiException('io', FS_WORDS[code] ?? `A local disk operation failed (${code}).`);
}

/** Runs `work`, rethrowing any failure as an ApiException (so handlers stay one line). */
export async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiException(error);
  }
}

/**
 * Failures of the open-api client → DriveErrors whose kind tells the engine what to do: pause
 * for sign-in (`auth`), wait for the network (`network`, `rate_limited`), start the upload again
 * (`session_expired`), re-read and resend a slice (`slice_rejected`), or fail the item with words
 * (everything else). Messages never carry a URL or secret (open-api's never do).
 */
import { ApiException } from '@pandesk/contract';
import { isPanError } from '@pandesk/open-api';
import type { PanErrorCode } from '@pandesk/open-api';
import { DriveError } from '@pandesk/transfer';
import type { DriveErrorKind } from '@pandesk/transfer';

const KIND: Partial<Record<PanErrorCode, DriveErrorKind>> = {
  auth_required: 'auth',
  rate_limited: 'rate_limited',
  network: 'network',
  timeout: 'network',
  server: 'network',
  processing: 'network',
  not_found: 'not_found',
  name_conflict: 'name_conflict',
  quota: 'quota',
  traffic_exhausted: 'quota',
};

/** Words for codes whose service message says too little to act on. */
const WORDS: Partial<Record<PanErrorCode, string>> = {
  traffic_exhausted:
    'The daily download traffic of this account is used up; downloads can continue tomorrow.',
  bad_response: 'The service answered in an unexpected form; retry later.',
};

/**
 * Where a call happens. During a pre-upload session (`session`: completion, `slice`: a slice)
 * "does not exist" means the session is gone; a slice's MD5 refusal means "send it again".
 */
export type Stage = 'other' | 'session' | 'slice';

export function toDriveError(error: unknown, stage: Stage): unknown {
  if (error instanceof DriveError) return error;
  if (error instanceof ApiException && error.code === 'auth_required')
    return new DriveError('auth', error.message);
  if (!isPanError(error)) return error;
  if (error.code === 'aborted') return error;
  if (stage !== 'other' && error.code === 'not_found')
    return new DriveError('session_expired', 'The upload session expired; starting the upload again.');
  if (stage === 'slice' && error.code === 'service' && /MD5|校验/i.test(error.message))
    return new DriveError('slice_rejected', 'The service rejected a slice; sending it again.');
  const words = WORDS[error.code] ?? error.message.replace(/^[\w.]+:\s*/, '');
  return new DriveError(KIND[error.code] ?? 'fatal', words);
}

/** Runs `work`, turning its failure into a DriveError (see toDriveError). */
export async function guard<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDriveError(error, stage);
  }
}

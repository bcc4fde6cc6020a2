/**
 * Failures of the open-api client → DriveErrors whose kind tells the engine what to do: pause
 * for sign-in (`auth`), wait for the network (`network`, `rate_limited`), start the upload again
 * (`session_expired`), re-read and resend a slice (`slice_rejected`), or fail the item (everything
 * else). What to tell the user travels unchanged: the reason open-api named, its params, and the
 * service's own code and words as detail. Messages never carry a URL or secret (open-api's never do).
 */
import { ApiException } from '@pandesk/contract';
import type { ErrorDetail, ErrorFacts } from '@pandesk/contract';
import { isPanError } from '@pandesk/open-api';
import type { PanError, PanErrorCode } from '@pandesk/open-api';
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

/** The service's answer, for a details view (only what it said; never a URL). */
function detailOf(error: PanError): ErrorDetail | undefined {
  const detail: { -readonly [K in keyof ErrorDetail]: ErrorDetail[K] } = {};
  if (error.serviceCode !== undefined) detail.serviceCode = error.serviceCode;
  if (error.serviceMessage !== undefined) detail.serviceMessage = error.serviceMessage;
  if (error.httpStatus !== undefined) detail.httpStatus = error.httpStatus;
  if (error.traceId !== undefined) detail.traceId = error.traceId;
  return Object.keys(detail).length > 0 ? detail : undefined;
}

/** Reason, params and detail of a PanError, as every layer after open-api passes them on. */
export function factsOf(error: PanError): ErrorFacts {
  const detail = detailOf(error);
  return {
    reason: error.reason,
    ...(error.params === undefined ? {} : { params: error.params }),
    ...(detail === undefined ? {} : { detail }),
  };
}

/**
 * Where a call happens. During a pre-upload session (`session`: completion, `slice`: a slice)
 * "does not exist" means the session is gone; a slice's MD5 refusal means "send it again".
 */
export type Stage = 'other' | 'session' | 'slice';

export function toDriveError(error: unknown, stage: Stage): unknown {
  if (error instanceof DriveError) return error;
  // No drive to use: signed out (pause for sign-in), or the service is out of reach (wait).
  if (error instanceof ApiException && error.code === 'auth_required')
    return new DriveError('auth', error.message, { reason: error.reason ?? 'auth_lost' });
  if (error instanceof ApiException && error.code === 'network')
    return new DriveError('network', error.message, { reason: error.reason ?? 'service_unreachable' });
  if (!isPanError(error)) return error;
  if (error.code === 'aborted') return error;
  if (stage !== 'other' && error.code === 'not_found')
    return new DriveError('session_expired', 'The upload session expired; starting the upload again.', {
      ...factsOf(error),
      reason: 'upload_session_lost',
    });
  if (stage === 'slice' && error.code === 'service' && /MD5|校验/i.test(error.message))
    return new DriveError('slice_rejected', 'The service rejected a slice; sending it again.', {
      ...factsOf(error),
      reason: 'slice_rejected',
    });
  return new DriveError(KIND[error.code] ?? 'fatal', error.message, factsOf(error));
}

/** Runs `work`, turning its failure into a DriveError (see toDriveError). */
export async function guard<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDriveError(error, stage);
  }
}

/**
 * One place that turns failures from the open-api client (and the local disk) into the
 * contract's errors. The cause was named once, where it was understood: open-api names the
 * service's answers (its reason, with the service's own code and words as detail), the local
 * disk's codes are named here; the code follows from the reason. The renderer words it in the
 * user's language; `message` stays English, for the log.
 */
import { ApiException, codeOf } from '@pandesk/contract';
import type { ErrorDetail } from '@pandesk/contract';
import { isPanError, isTransientCode } from '@pandesk/open-api';
import type { PanError } from '@pandesk/open-api';
import { factsOf } from '@pandesk/pan-drive';
import { mapFsError } from '@pandesk/transfer';

/** The service's own words, without our endpoint prefix (`file.list: ... (code 1)`), for the log. */
function serviceWords(error: PanError): string {
  return error.message.replace(/^[\w.]+:\s*/, '');
}

function fromPanError(error: PanError): ApiException {
  const facts = factsOf(error);
  const reason = facts.reason ?? 'service_said';
  return new ApiException(codeOf(reason), serviceWords(error), isTransientCode(error.code), facts);
}

function fromFsError(error: unknown): ApiException {
  const mapped = mapFsError(error);
  const reason = mapped.reason ?? 'local_io_error';
  return new ApiException(codeOf(reason), mapped.message, false, {
    reason,
    ...(mapped.params === undefined ? {} : { params: mapped.params }),
  });
}

/** An ApiException for any failure; unknown failures become `internal` with a generic message. */
export function toApiException(error: unknown): ApiException {
  if (error instanceof ApiException) return error;
  if (isPanError(error)) return fromPanError(error);
  const fsCode = (error as { code?: unknown } | null)?.code;
  if (typeof fsCode === 'string' && /^E[A-Z]+$/.test(fsCode)) return fromFsError(error);
  return ApiException.because('internal', 'Something went wrong inside PanDesk. The log has the details.');
}

/** The service's detail of a failure, if it was the service's (for messages kept in a status). */
export function serviceDetail(error: unknown): ErrorDetail | undefined {
  return isPanError(error) ? factsOf(error).detail : undefined;
}

/** Runs `work`, rethrowing any failure as an ApiException (so handlers stay one line). */
export async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiException(error);
  }
}

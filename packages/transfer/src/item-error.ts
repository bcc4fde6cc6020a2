/**
 * An item's error as journal fields and back. The reason, params and the service's detail are
 * journaled beside code and message, so a failure stored while the UI spoke one language is
 * worded in whatever language it speaks when the item is shown again.
 */
import { isErrorReason } from '@pandesk/contract';
import type { ErrorDetail, ErrorParams, TransferError } from '@pandesk/contract';
import type { ItemPatch, JournalItem } from './journal/records';

type ErrorFields = Pick<
  ItemPatch,
  'errorCode' | 'errorMessage' | 'errorRetryable' | 'errorReason' | 'errorParams' | 'errorDetail'
>;

/** No error: what a running, queued or finished item carries. */
export const NO_ERROR = {
  errorCode: null,
  errorMessage: null,
  errorRetryable: false,
  errorReason: null,
  errorParams: null,
  errorDetail: null,
} as const satisfies ErrorFields;

export function errorFields(error: TransferError): Required<ErrorFields> {
  return {
    errorCode: error.code,
    errorMessage: error.message,
    errorRetryable: error.retryable,
    errorReason: error.reason ?? null,
    errorParams: error.params === undefined ? null : JSON.stringify(error.params),
    errorDetail: error.detail === undefined ? null : JSON.stringify(error.detail),
  };
}

/** Parses a journaled JSON object, tolerating a damaged value (an error's words then lack it). */
function parseObject<T>(text: string | null): T | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The item's error as the contract shows it, or null. */
export function readError(row: JournalItem): TransferError | null {
  if (row.errorCode === null) return null;
  const params = parseObject<ErrorParams>(row.errorParams);
  const detail = parseObject<ErrorDetail>(row.errorDetail);
  return {
    code: row.errorCode,
    message: row.errorMessage ?? '',
    retryable: row.errorRetryable,
    ...(isErrorReason(row.errorReason) ? { reason: row.errorReason } : {}),
    ...(params === undefined ? {} : { params }),
    ...(detail === undefined ? {} : { detail }),
  };
}

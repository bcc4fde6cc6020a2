/**
 * The one place where the sync's failures become the contract's errors (the request could not
 * be done as asked, named by its reason, or something unexpected broke).
 */
import { ApiException } from '@pandesk/contract';
import { SyncUserError } from '@pandesk/sync';

export function toSyncApiError(error: unknown): unknown {
  if (error instanceof SyncUserError)
    return ApiException.because(error.reason, error.message, { params: error.params });
  return error;
}

/** Runs a sync request, with its failure turned into the contract's error. */
export async function syncCall<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toSyncApiError(error);
  }
}

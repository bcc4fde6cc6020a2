/**
 * The one place where shares, direct links, cloud downloads and copies make their errors. Each
 * failure has one of the contract's reasons (its code follows from it; the renderer words it
 * from the reason and params) and an English message for the log; service failures go through
 * the back end's general mapping (`toApiException`), which keeps open-api's reason and the
 * service's own words. Messages and params never carry a URL's query, a key or a token.
 */
import { ApiException, ok } from '@pandesk/contract';
import type { ErrorReason, Ok } from '@pandesk/contract';
import { toApiException } from '../errors/map-error';

export type CloudReason =
  /** Direct links need VIP or developer benefits the account does not have. */
  | 'benefit_required'
  /** The OS offers no encrypted storage, so the private key cannot be kept. */
  | 'secure_storage_required'
  /** A share-list cursor that this back end did not hand out. */
  | 'bad_cursor'
  /** PanDesk stopped while it was placing copies; the service's part may be done. */
  | 'task_interrupted'
  /** The service still had not finished a task after PanDesk's longest wait. */
  | 'poll_gave_up'
  /** The service says it could not fetch a cloud download's address. */
  | 'fetch_failed'
  /** The service says an async copy failed. */
  | 'copy_failed'
  /** Some copies could not be given their place (renamed, moved, or the original replaced). */
  | 'placement_failed'
  /** Items to copy no longer exist. */
  | 'sources_missing';

interface ReasonSpec {
  reason: ErrorReason;
  retryable?: boolean;
  message: (params: Record<string, string | number>) => string;
}

const REASONS: Record<CloudReason, ReasonSpec> = {
  benefit_required: {
    reason: 'direct_link_benefit_required',
    message: () =>
      'Direct links need a 123pan account with VIP or developer benefits. This account has neither.',
  },
  secure_storage_required: {
    reason: 'private_key_storage_unavailable',
    message: () =>
      'This computer offers no secure storage for secrets, so PanDesk will not save the direct-link private key.',
  },
  bad_cursor: {
    reason: 'share_page_unknown',
    message: () => 'That page of the share list is not known. Reload the list.',
  },
  task_interrupted: {
    reason: 'cloud_task_interrupted',
    message: () =>
      'PanDesk was closed while this copy was under way. Check the target folder; copies not yet in place may be in a folder named .pandesk-copy-… there.',
  },
  poll_gave_up: {
    reason: 'cloud_task_gave_up',
    message: ({ hours }) =>
      `The service had not finished after ${hours} hours, so PanDesk stopped following this task. It may still finish on the service.`,
  },
  fetch_failed: {
    reason: 'cloud_fetch_failed',
    retryable: false,
    message: ({ status }) =>
      `The 123pan service could not fetch this address (service status ${status}). Check that it is reachable from the internet.`,
  },
  copy_failed: {
    reason: 'copy_failed',
    retryable: false,
    message: () => 'The 123pan service reported that the copy failed. Nothing may have been copied.',
  },
  placement_failed: {
    reason: 'copy_placement_failed',
    retryable: false,
    message: ({ count, cause }) =>
      `${count} copied item(s) could not be put in place: ${cause} Originals that were to be replaced were kept.`,
  },
  sources_missing: {
    reason: 'copy_sources_missing',
    retryable: false,
    message: ({ count }) => `${count} item(s) to copy no longer exist.`,
  },
};

/**
 * The error of one of the reasons above. `cause` (for `placement_failed`): the failure behind
 * it, whose English joins the message and whose service detail is kept for the details view.
 */
export function cloudError(
  reason: CloudReason,
  params: Record<string, string | number> = {},
  cause?: ApiException,
): ApiException {
  const spec = REASONS[reason];
  const message = spec.message({ ...params, cause: cause?.message ?? '' });
  return ApiException.because(spec.reason, message, {
    ...(Object.keys(params).length > 0 && { params }),
    ...(cause?.detail && { detail: cause.detail }),
    ...(spec.retryable !== undefined && { retryable: spec.retryable }),
  });
}

/** Any failure of these features as the contract's error (service failures in the general words). */
export function toCloudError(error: unknown): ApiException {
  return toApiException(error);
}

/** Runs `work`, rethrowing any failure through {@link toCloudError}. */
export async function mapCloudErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toCloudError(error);
  }
}

/** Runs a handler's work: its value as a Result, any failure as the contract's error (thrown). */
export type CloudRun = <T>(work: () => Promise<T>) => Promise<Ok<T>>;

/** A {@link CloudRun} that also tells auth when the service refused the credentials. */
export function createCloudRun(onAuthFailure: () => void): CloudRun {
  return (work) =>
    mapCloudErrors(work).then(ok, (error: ApiException) => {
      if (error.code === 'auth_required') onAuthFailure();
      throw error;
    });
}

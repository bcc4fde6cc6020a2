/**
 * The one place where failures become the problems a pair shows: the sync's own causes (by
 * reason), cloud failures (the reason open-api named, else by kind), local file-system errors
 * (the transfer engine's mapping) and transfer errors (their reason). The UI words them from reason and code; messages are English for
 * logs and never carry a path outside the pair, a token or a URL.
 */
import { codeOf, SYNC_REASON_CODES } from '@pandesk/contract';
import { isFsError, mapFsError } from '@pandesk/transfer';
import type { ErrorCode, SyncProblem, SyncReason, TransferError, TransferErrorCode } from '@pandesk/contract';
import { SyncRemoteError } from '../ports';
import type { RemoteFailureKind } from '../ports';

const TRANSFER_CODES: Readonly<Partial<Record<TransferErrorCode, ErrorCode>>> = {
  auth_required: 'auth_required',
  network: 'network',
  rate_limited: 'rate_limited',
  not_found: 'not_found',
  name_conflict: 'name_conflict',
  quota: 'quota',
  disk_full: 'io',
  permission_denied: 'io',
  read_only: 'io',
  io: 'io',
  unsafe_path: 'invalid_name',
};

const KIND_CODES: Readonly<Record<RemoteFailureKind, ErrorCode>> = {
  auth: 'auth_required',
  network: 'network',
  not_found: 'not_found',
  name_conflict: 'name_conflict',
  other: 'service',
};

type Cause =
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'transfer'; readonly error: TransferError }
  | {
      readonly kind: 'state';
      readonly reason: SyncReason;
      /** English, for logs; defaults to the reason. */
      readonly message?: string;
      readonly params?: Readonly<Record<string, string | number>>;
      readonly serviceMessage?: string;
    };

export function syncProblem(cause: Cause, path?: string): SyncProblem {
  const where = path === undefined ? {} : { path };
  if (cause.kind === 'state')
    return {
      code: SYNC_REASON_CODES[cause.reason],
      reason: cause.reason,
      message: cause.message ?? cause.reason.replace(/_/g, ' '),
      ...(cause.params === undefined ? {} : { params: cause.params }),
      ...(cause.serviceMessage === undefined ? {} : { serviceMessage: cause.serviceMessage }),
      ...where,
    };
  if (cause.kind === 'transfer') {
    const code = TRANSFER_CODES[cause.error.code] ?? 'network';
    const { reason, params } = cause.error;
    return {
      code,
      message: cause.error.message,
      ...(reason === undefined ? {} : { reason }),
      ...(params === undefined ? {} : { params }),
      ...where,
    };
  }
  const error = cause.error;
  if (error instanceof SyncRemoteError) {
    const { reason, params, detail } = error.facts;
    return {
      code: reason === undefined ? KIND_CODES[error.kind] : codeOf(reason),
      message: error.message,
      ...(reason === undefined ? {} : { reason }),
      ...(params === undefined ? {} : { params }),
      ...(detail?.serviceMessage === undefined ? {} : { serviceMessage: detail.serviceMessage }),
      ...where,
    };
  }
  if (isFsError(error)) {
    // The transfer engine's mapping, without the absolute path: the problem names the item.
    const { code, reason, message, params } = mapFsError(error);
    const rest =
      params === undefined ? {} : Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'path'));
    return {
      code: TRANSFER_CODES[code] ?? 'io',
      message,
      ...(reason === undefined ? {} : { reason }),
      ...(Object.keys(rest).length === 0 ? {} : { params: rest }),
      ...where,
    };
  }
  if ((error as { name?: unknown } | null)?.name === 'AbortError')
    return { code: 'cancelled', message: 'Stopped.', ...where };
  return { code: 'internal', message: 'Something unexpected went wrong; the log has the details.', ...where };
}

/** Failures that stop a whole run to wait for sign-in or the network, instead of one step. */
export function stopsTheRun(error: unknown): boolean {
  return error instanceof SyncRemoteError && (error.kind === 'auth' || error.kind === 'network');
}

/**
 * The one place where failures become the problems a pair shows: the sync's own causes (by
 * reason), cloud failures (by kind), local file-system errors (by code) and transfer errors
 * (by the engine's code). The UI words them from reason and code; messages are English for
 * logs and never carry a path outside the pair, a token or a URL.
 */
import { SYNC_REASON_CODES } from '@pandesk/contract';
import type { ErrorCode, SyncProblem, SyncReason, TransferError, TransferErrorCode } from '@pandesk/contract';
import { SyncRemoteError } from '../ports';

const FS_WORDS: Readonly<Record<string, string>> = {
  ENOSPC: 'The disk is full.',
  EDQUOT: 'The disk quota is used up.',
  EACCES: 'Permission denied.',
  EPERM: 'The operation is not permitted.',
  EROFS: 'The disk is read-only.',
  ENOENT: 'The file or folder is gone.',
  EEXIST: 'Something else already has this name.',
  ENOTEMPTY: 'The folder is not empty.',
  EBUSY: 'The file is in use.',
  ENAMETOOLONG: 'The name or path is too long for this computer.',
  EMFILE: 'Too many files are open.',
};

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

function fsCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

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
    const code: ErrorCode =
      error.kind === 'auth'
        ? 'auth_required'
        : error.kind === 'network'
          ? 'network'
          : error.kind === 'not_found'
            ? 'not_found'
            : error.kind === 'name_conflict'
              ? 'name_conflict'
              : 'internal';
    return { code, message: error.message, ...where };
  }
  const fs = fsCode(error);
  if (fs !== undefined && FS_WORDS[fs] !== undefined) return { code: 'io', message: FS_WORDS[fs], ...where };
  if ((error as { name?: unknown } | null)?.name === 'AbortError')
    return { code: 'cancelled', message: 'Stopped.', ...where };
  return { code: 'internal', message: 'Something unexpected went wrong; the log has the details.', ...where };
}

/** Failures that stop a whole run to wait for sign-in or the network, instead of one step. */
export function stopsTheRun(error: unknown): boolean {
  return error instanceof SyncRemoteError && (error.kind === 'auth' || error.kind === 'network');
}

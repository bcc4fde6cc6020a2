import type { PanError } from '../errors';

export type RetryAction = 'retry' | 'reauth' | 'fatal';

export interface ClassifyContext {
  /** Whether repeating the request after an unknown outcome is harmless (see `endpoints.ts`). */
  idempotent: boolean;
  /** The caller polls on its own budget (upload_complete), so "verifying" (20103) is handed back. */
  callerPolls?: boolean;
}

/**
 * The one function that decides what to do with a failed request.
 *
 * - reauth: the service rejected the token (body code 401, or an HTTP 401 from a gateway).
 * - retry, always: the service refused without acting (429, "slow down", 20103 verifying),
 *   except that a caller with its own polling budget gets 20103 back.
 * - retry, only when idempotent: the outcome is unknown (network error, timeout, 5xx,
 *   408, non-JSON body). A non-idempotent write may have landed, so it is surfaced instead.
 * - fatal: everything else (business errors, malformed JSON, aborts, other 4xx statuses).
 */
export function classify(error: PanError, ctx: ClassifyContext): RetryAction {
  switch (error.code) {
    case 'auth_required':
      return error.serviceCode === 401 || error.httpStatus === 401 ? 'reauth' : 'fatal';
    case 'rate_limited':
      return 'retry';
    case 'processing':
      return ctx.callerPolls ? 'fatal' : 'retry';
    case 'network':
    case 'timeout':
      return ctx.idempotent ? 'retry' : 'fatal';
    case 'server': {
      const s = error.httpStatus;
      const definite = s !== undefined && s >= 400 && s < 500 && s !== 408;
      return !definite && ctx.idempotent ? 'retry' : 'fatal';
    }
    default:
      return 'fatal';
  }
}

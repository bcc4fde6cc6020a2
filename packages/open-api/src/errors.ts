/**
 * The closed set of error codes the client reports, and the one error class carrying them.
 * `code` drives what the client does (retry, refresh the token, give up); `reason` is the
 * specific cause in the app's shared vocabulary (the contract's ERROR_REASONS), decided here,
 * where the service's answers are understood, so no later layer reinterprets the service.
 *
 * Invariant: no message built here ever contains a token, a client secret or a signed URL
 * query. Service messages are kept verbatim (they are written by 123pan and hold no secrets);
 * URLs are reduced to their path by `redactUrl` before they appear anywhere.
 */
import type { ErrorParams, ErrorReason } from '@pandesk/contract';
export type PanErrorCode =
  /** No usable token: credentials missing or rejected, refresh failed, or a 401 survived one refresh. */
  | 'auth_required'
  /** 429 from the service or the gateway, or a "slow down" message, after the retry budget. */
  | 'rate_limited'
  /** Service code 5066: the id does not exist. */
  | 'not_found'
  /** A sibling already has the name (mkdir, rename, upload with duplicate 0). */
  | 'name_conflict'
  /** The name breaks the service's rules (§11), checked locally or reported by the service. */
  | 'invalid_name'
  /** Not enough space left. */
  | 'quota'
  /** Service code 5113: the daily self-use download traffic is used up. */
  | 'traffic_exhausted'
  /** Service code 20103: the file is still being verified; try again in about a second. */
  | 'processing'
  /** The request never got an HTTP answer (refused, reset, DNS). */
  | 'network'
  /** The per-call timeout elapsed. */
  | 'timeout'
  /** The caller's AbortSignal fired. */
  | 'aborted'
  /** JSON arrived but does not have the documented shape. */
  | 'bad_response'
  /** A non-200 status or a non-JSON body (gateway trouble), after the retry budget. */
  | 'server'
  /** An upload could not be finished (merge failed, slice rejected, completion budget spent). */
  | 'upload_failed'
  /** Any other non-zero service code; `serviceCode` and `message` say what happened. */
  | 'service'
  /** The caller passed something the API cannot accept (checked before any request). */
  | 'invalid_argument';

export interface PanErrorDetails {
  /** The body `code` of the envelope, when the service answered one. */
  serviceCode?: number;
  /** HTTP status, when one arrived. */
  httpStatus?: number;
  /** `x-traceID` of the envelope, for support tickets. */
  traceId?: string;
  /** Endpoint id (`file.list`, …), never a full URL. */
  endpoint?: string;
  /** The underlying error, already free of secrets. */
  cause?: unknown;
  /** The specific cause, when the code alone does not say it (default: by code, see REASON_BY_CODE). */
  reason?: ErrorReason;
  /** Values the reason's words need (a name, a size limit). */
  params?: ErrorParams;
  /** The service's own words (the envelope's `message`), verbatim, at most 500 characters. */
  serviceMessage?: string;
}

/** The cause each code stands for unless the error names a more specific one. */
export const REASON_BY_CODE: Readonly<Record<PanErrorCode, ErrorReason>> = {
  auth_required: 'auth_lost',
  rate_limited: 'rate_limited',
  not_found: 'item_not_found',
  name_conflict: 'name_taken',
  invalid_name: 'name_rules',
  quota: 'space_exhausted',
  traffic_exhausted: 'traffic_exhausted',
  processing: 'service_busy',
  network: 'service_unreachable',
  timeout: 'service_unreachable',
  aborted: 'cancelled',
  bad_response: 'bad_response',
  server: 'service_unavailable',
  upload_failed: 'upload_failed',
  service: 'service_said',
  invalid_argument: 'invalid_request',
};

const MAX_SERVICE_MESSAGE = 500;

export class PanError extends Error {
  readonly code: PanErrorCode;
  readonly serviceCode: number | undefined;
  readonly httpStatus: number | undefined;
  readonly traceId: string | undefined;
  readonly endpoint: string | undefined;
  readonly reason: ErrorReason;
  readonly params: ErrorParams | undefined;
  readonly serviceMessage: string | undefined;

  constructor(code: PanErrorCode, message: string, details: PanErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'PanError';
    this.code = code;
    this.serviceCode = details.serviceCode;
    this.httpStatus = details.httpStatus;
    this.traceId = details.traceId;
    this.endpoint = details.endpoint;
    this.reason = details.reason ?? REASON_BY_CODE[code];
    this.params = details.params;
    this.serviceMessage = details.serviceMessage?.slice(0, MAX_SERVICE_MESSAGE);
  }

  /** A plain object safe to log or send across IPC (no stack, no cause). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      reason: this.reason,
      message: this.message,
      serviceCode: this.serviceCode,
      httpStatus: this.httpStatus,
      traceId: this.traceId,
      endpoint: this.endpoint,
    };
  }
}

export function isPanError(value: unknown): value is PanError {
  return value instanceof PanError;
}

/** Codes a user can fix by waiting or retrying later (as opposed to fixing input or credentials). */
export function isTransientCode(code: PanErrorCode): boolean {
  return ['rate_limited', 'processing', 'network', 'timeout', 'server'].includes(code);
}

/** Keep scheme, host and path; drop the query (download URLs carry signatures there). */
export function redactUrl(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : `${url.slice(0, cut)}?…`;
}

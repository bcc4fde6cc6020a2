/**
 * Errors as data. Every API call answers a {@link Result}; the renderer never receives a
 * thrown exception, a stack trace or a secret. The set of codes is closed so the UI can map
 * each one to words and a next step (sign in again, wait, rename, free space...).
 */

/** Every error code that may cross the boundary. Closed: add here, never invent ad hoc. */
export const ERROR_CODES = [
  /** No usable credentials, or the service rejected them: the user must (re)enter them. */
  'auth_required',
  /** The service asked us to slow down (code 429); retrying later works. */
  'rate_limited',
  /** The file, folder, transfer or place does not exist (any more). */
  'not_found',
  /** An item with that name already exists in the target folder. */
  'name_conflict',
  /** The name breaks the service's naming rules (see `checkName`). */
  'invalid_name',
  /** Storage space or daily download traffic is used up. */
  'quota',
  /** The service or a CDN could not be reached, or answered with a transport failure. */
  'network',
  /** A local disk operation failed (disk full, permission denied, read-only...). */
  'io',
  /** The call's input failed the contract's schema; the message says which field and why. */
  'invalid_input',
  /** The host cannot do this (e.g. `app.startDrag` in a browser). */
  'unsupported',
  /** The operation was cancelled before it finished. */
  'cancelled',
  /** The link to the back end is gone (window closing, socket dropped); retry after reconnect. */
  'disconnected',
  /** A bug or an unexpected state inside PanDesk; details are in the log, never here. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error half of a {@link Result}. `message` is plain words fit to show a user. */
export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  /** True when repeating the same call later may succeed without the user changing anything. */
  readonly retryable: boolean;
}

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err = { readonly ok: false; readonly error: ApiError };
/** What every API method resolves to. Methods never reject (the reasons are in api.ts). */
export type Result<T> = Ok<T> | Err;

/** Codes that are worth retrying by default; a producer may override per error. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'rate_limited',
  'network',
  'disconnected',
]);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Builds a failed result; `retryable` defaults to the code's usual behaviour. */
export function fail(
  code: ErrorCode,
  message: string,
  retryable: boolean = RETRYABLE_BY_DEFAULT.has(code),
): Err {
  return { ok: false, error: { code, message, retryable } };
}

/**
 * An exception a back-end handler may throw instead of returning `fail(...)`; the RPC layer
 * turns it into exactly that error. Any other thrown value becomes `internal`.
 * It never crosses the boundary itself: only its code, message and retryable flag do.
 */
export class ApiException extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, retryable: boolean = RETRYABLE_BY_DEFAULT.has(code)) {
    super(message);
    this.name = 'ApiException';
    this.code = code;
    this.retryable = retryable;
  }

  toResult(): Err {
    return fail(this.code, this.message, this.retryable);
  }
}

/** Returns the value of a successful result, or throws an {@link ApiException} built from the error. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiException(result.error.code, result.error.message, result.error.retryable);
}

/**
 * Checks that an untrusted value (e.g. read from a socket) has the shape of a Result with a
 * known error code. The value half is not checked: the contract trusts the back end's output.
 */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.ok === true) return 'value' in record;
  if (record.ok !== false) return false;
  const error = record.error as Record<string, unknown> | null | undefined;
  return (
    typeof error === 'object' &&
    error !== null &&
    isErrorCode(error.code) &&
    typeof error.message === 'string' &&
    typeof error.retryable === 'boolean'
  );
}

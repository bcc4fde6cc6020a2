/**
 * Errors as data. Every API call answers a {@link Result}; the renderer never receives a
 * thrown exception, a stack trace or a secret. An error says what kind of next step it calls
 * for (`code`, closed), which specific cause it was (`reason`, closed, see error-reasons.ts)
 * with the values its words need (`params`), and, when the service refused, the service's own
 * code and words (`detail`). The renderer writes the words in the user's language from code,
 * reason and params; `message` is English for logs and is never shown. The model and the
 * recipe for reporting an error: README.md, "Errors".
 */
import { isErrorReason, REASON_CODES } from './error-reasons';
import type { ErrorReason } from './error-reasons';

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
  /** The service refused for a reason of its own; `detail` carries its code and words. */
  'service',
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

/**
 * Values an error's words need: names, paths, sizes, ids, a host. Plain strings and numbers,
 * never a secret (they are shown to the user and written to logs).
 */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** What the service itself answered, for a details view and support tickets. */
export interface ErrorDetail {
  /** The body `code` of the service's answer. */
  readonly serviceCode?: number;
  /** The service's own words, verbatim (123pan writes them in Chinese), at most 500 characters. */
  readonly serviceMessage?: string;
  readonly httpStatus?: number;
  /** The service's `x-traceID`, which its support asks for. */
  readonly traceId?: string;
}

/** The optional parts of an error beyond code, message and retryable. */
export interface ErrorFacts {
  readonly reason?: ErrorReason;
  readonly params?: ErrorParams;
  readonly detail?: ErrorDetail;
}

/** The error half of a {@link Result}. */
export interface ApiError extends ErrorFacts {
  readonly code: ErrorCode;
  /** English, for logs and tests; the renderer words the error from code, reason and params. */
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

/** Copies only the facts that are set, so errors stay plain and compare equal when alike. */
function withFacts(base: Omit<ApiError, keyof ErrorFacts>, facts: ErrorFacts): ApiError {
  return {
    ...base,
    ...(facts.reason === undefined ? {} : { reason: facts.reason }),
    ...(facts.params === undefined ? {} : { params: facts.params }),
    ...(facts.detail === undefined ? {} : { detail: facts.detail }),
  };
}

/** Builds a failed result; `retryable` defaults to the code's usual behaviour. */
export function fail(
  code: ErrorCode,
  message: string,
  retryable: boolean = RETRYABLE_BY_DEFAULT.has(code),
  facts: ErrorFacts = {},
): Err {
  return { ok: false, error: withFacts({ code, message, retryable }, facts) };
}

/** The code a reason belongs to, and whether it is worth retrying by default. */
export function codeOf(reason: ErrorReason): ErrorCode {
  return REASON_CODES[reason];
}

/** Everything but the reason, for {@link because} and {@link ApiException.because}. */
export interface BecauseOptions {
  readonly params?: ErrorParams;
  readonly detail?: ErrorDetail;
  readonly retryable?: boolean;
}

/** An ApiError for a reason; its code comes from the reason (see REASON_CODES). */
export function because(reason: ErrorReason, message: string, options: BecauseOptions = {}): ApiError {
  const code = codeOf(reason);
  return withFacts(
    { code, message, retryable: options.retryable ?? RETRYABLE_BY_DEFAULT.has(code) },
    {
      reason,
      ...(options.params && { params: options.params }),
      ...(options.detail && { detail: options.detail }),
    },
  );
}

/**
 * An exception a back-end handler may throw instead of returning `fail(...)`; the RPC layer
 * turns it into exactly that error. Any other thrown value becomes `internal`.
 * It never crosses the boundary itself: only its code, message and retryable flag do.
 */
export class ApiException extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly reason: ErrorReason | undefined;
  readonly params: ErrorParams | undefined;
  readonly detail: ErrorDetail | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    retryable: boolean = RETRYABLE_BY_DEFAULT.has(code),
    facts: ErrorFacts = {},
  ) {
    super(message);
    this.name = 'ApiException';
    this.code = code;
    this.retryable = retryable;
    this.reason = facts.reason;
    this.params = facts.params;
    this.detail = facts.detail;
  }

  /** The usual way to throw: name the reason; the code follows from it. */
  static because(reason: ErrorReason, message: string, options: BecauseOptions = {}): ApiException {
    return ApiException.of(because(reason, message, options));
  }

  /** An exception carrying exactly this error. */
  static of(error: ApiError): ApiException {
    return new ApiException(error.code, error.message, error.retryable, error);
  }

  toError(): ApiError {
    const facts = { reason: this.reason, params: this.params, detail: this.detail };
    return withFacts({ code: this.code, message: this.message, retryable: this.retryable }, facts);
  }

  toResult(): Err {
    return { ok: false, error: this.toError() };
  }
}

/** Returns the value of a successful result, or throws an {@link ApiException} built from the error. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw ApiException.of(result.error);
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
    typeof error.retryable === 'boolean' &&
    (error.reason === undefined || isErrorReason(error.reason)) &&
    (error.params === undefined || isParams(error.params)) &&
    (error.detail === undefined || isDetail(error.detail))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isParams(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    Object.values(value).every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  );
}

const DETAIL_TYPES: Readonly<Record<keyof ErrorDetail, 'string' | 'number'>> = {
  serviceCode: 'number',
  serviceMessage: 'string',
  httpStatus: 'number',
  traceId: 'string',
};

function isDetail(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  return Object.entries(value).every(
    ([key, v]) => v === undefined || DETAIL_TYPES[key as keyof ErrorDetail] === typeof v,
  );
}

/**
 * Business errors of the fake API. Every one of them reaches the client as HTTP 200 with a
 * non-zero body `code` (reference §1.3); the router turns a thrown `ApiError` into that envelope.
 */

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Known codes (reference §1.4). Code 1 is the service's catch-all for validation errors. */
export const CODES = {
  ok: 0,
  general: 1,
  unauthorized: 401,
  tooManyRequests: 429,
  notFound: 5066,
  trafficExhausted: 5113,
  verifying: 20103,
} as const;

export const MESSAGES = {
  notFound: '文件不存在，检查传入fileId是否正确',
  folderExists: '该目录下已经有同名文件夹,无法进行创建',
  nameExists: '该目录下已经有同名文件,无法进行操作',
  unauthorized: 'access_token无效',
  /** Docs FAQ wording for a token pushed out by newer logins (§1.4, §2.2). */
  tokenEvicted: 'tokens number has exceeded the limit',
  tooManyRequests: '请求太频繁',
  badParam: '参数错误',
} as const;

export function notFound(): ApiError {
  return new ApiError(CODES.notFound, MESSAGES.notFound);
}

export function badParam(what: string): ApiError {
  return new ApiError(CODES.general, `${MESSAGES.badParam}: ${what}`);
}

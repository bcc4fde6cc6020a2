import type { ServerResponse } from 'node:http';
import type { ApiError, ErrorCode } from '@pandesk/contract';

/** Plain-text and JSON answers of the API routes. Bodies never carry a secret or a signed URL. */

export function replyText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

export function replyJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  auth_required: 401,
  not_found: 404,
  rate_limited: 429,
  invalid_input: 400,
  invalid_name: 400,
  name_conflict: 409,
  quota: 403,
  network: 502,
  unsupported: 400,
  disconnected: 503,
};

/** Answers a contract error with the matching HTTP status and its (user-safe) message. */
export function replyApiError(res: ServerResponse, error: ApiError): void {
  replyText(res, STATUS_BY_CODE[error.code] ?? 500, error.message);
}

/**
 * The request object handlers receive: path, lenient query, a lazily read body (so multipart
 * handlers can stream `raw` themselves), and the verified token when the route needs one.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, CODES } from '../core/errors';
import type { AccessToken } from '../core/tokens';
import { createParams, type Params } from './params';

/** Largest JSON or form body accepted (multipart handlers read `raw` instead). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ApiRequest {
  readonly method: string;
  /** Path without the query string, e.g. "/api/v2/file/list". */
  readonly path: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  /** Query parameters, keys matched exactly (reference §1.2: query casing is unverified). */
  readonly query: Params;
  /** JSON (or form-encoded) body, keys matched case-insensitively. An empty body is `{}`. */
  body(): Promise<Params>;
  /** The verified token on authenticated routes. */
  auth: AccessToken | undefined;
  readonly raw: IncomingMessage;
  readonly res: ServerResponse;
}

async function readText(raw: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(CODES.general, '请求体过大');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new ApiError(CODES.general, '请求体不是合法的JSON');
}

export function createApiRequest(raw: IncomingMessage, res: ServerResponse): ApiRequest {
  const url = new URL(raw.url ?? '/', 'http://fake-pan.local');
  let body: Promise<Params> | undefined;
  return {
    method: (raw.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    url,
    headers: raw.headers,
    query: createParams(Object.fromEntries(url.searchParams), false),
    body() {
      body ??= readText(raw).then((text) =>
        createParams(parseBody(text, raw.headers['content-type'] ?? ''), true),
      );
      return body;
    },
    auth: undefined,
    raw,
    res,
  };
}

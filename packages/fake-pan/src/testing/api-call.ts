/**
 * Plain-fetch calls for fake-pan's own tests (deliberately not PanDesk's client): one call
 * returns HTTP status, raw text and the parsed envelope.
 */
import type { FakePan } from '../index';

export interface Envelope<T = unknown> {
  code: number;
  message: string;
  data: T;
  'x-traceID': string;
}

export interface CallOptions {
  query?: Record<string, string | number | boolean>;
  body?: unknown;
  token?: string;
  /**
   * Extra or overriding headers; `Platform` is sent unless set to ''. Calls to `/__fake/*` also
   * send the control token (`X-Fake-Pan-Control`) unless it is overridden or set to ''.
   */
  headers?: Record<string, string>;
  host?: string;
}

export interface CallResult<T> {
  status: number;
  /** Response headers (e.g. the `x-traceID` every answer carries). */
  headers: Headers;
  text: string;
  /** Parsed body (undefined when it is not JSON). */
  json: Envelope<T> | undefined;
}

export async function call<T = unknown>(
  pan: FakePan,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(path, options.host ?? pan.baseUrl);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { Platform: 'open_platform', 'Content-Type': 'application/json' };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  if (url.pathname.startsWith('/__fake/')) headers['X-Fake-Pan-Control'] = pan.controlToken;
  for (const [k, v] of Object.entries(options.headers ?? {})) {
    for (const existing of Object.keys(headers)) {
      if (existing.toLowerCase() === k.toLowerCase()) delete headers[existing];
    }
    if (v !== '') headers[k] = v;
  }
  const res = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let json: Envelope<T> | undefined;
  try {
    json = JSON.parse(text) as Envelope<T>;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Calls and returns the envelope, failing loudly on a non-JSON answer. */
export async function api<T = unknown>(
  pan: FakePan,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Envelope<T>> {
  const result = await call<T>(pan, method, path, options);
  if (!result.json) throw new Error(`${path}: HTTP ${result.status}, not JSON: ${result.text.slice(0, 80)}`);
  return result.json;
}

/** A fresh developer token. */
export async function login(pan: FakePan): Promise<string> {
  const env = await api<{ accessToken: string }>(pan, 'POST', '/api/v1/access_token', {
    body: { clientID: pan.clientId, clientSecret: pan.clientSecret },
  });
  if (env.code !== 0) throw new Error(`login failed: ${env.code} ${env.message}`);
  return env.data.accessToken;
}

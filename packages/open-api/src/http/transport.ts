import { PanError } from '../errors';
import type { Clock } from '@pandesk/contract';
import { createDeadline } from './deadline';
import type { EndpointSpec } from './endpoints';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type QueryValue = string | number | boolean | undefined;

/** A request body built fresh for every attempt (streams cannot be sent twice). */
export interface BodyFactory {
  (): { body: BodyInit; contentType: string; stream?: boolean; length?: number };
}

export interface SendInput {
  query?: Record<string, QueryValue>;
  json?: unknown;
  body?: BodyFactory;
  /** Base URL for `host: 'upload'` endpoints (from `create.servers` or `domain`). */
  baseUrl?: string;
  /** Accept a JSON body on a non-200 status (OAuth answers 4xx JSON errors). */
  acceptErrorJson?: boolean;
}

export interface TransportOptions {
  fetch: FetchLike;
  clock: Clock;
  apiBaseUrl: string;
  platform: string;
}

/** Upload hosts may arrive without a scheme (one client adds http://, §0). */
export function normaliseBase(base: string): string {
  const withScheme = /^https?:\/\//i.test(base) ? base : `http://${base}`;
  return withScheme.replace(/\/+$/, '');
}

export function buildUrl(base: string, path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return `${normaliseBase(base)}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Send one HTTP request and return the parsed JSON body. Throws PanError for everything that is
 * not "HTTP 200 with JSON": network (no answer), timeout, aborted, rate_limited (HTTP 429),
 * auth_required (HTTP 401), server (other statuses, non-JSON body). Never puts the URL's query
 * or any header value into a message.
 */
export async function sendOnce(
  opts: TransportOptions,
  spec: EndpointSpec,
  input: SendInput,
  token: string | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<unknown> {
  const base = spec.host === 'upload' ? input.baseUrl : opts.apiBaseUrl;
  if (!base)
    throw new PanError('invalid_argument', `${spec.id}: no upload host given`, { endpoint: spec.id });
  const url = buildUrl(base, spec.path, input.query);
  const headers: Record<string, string> = { Platform: opts.platform };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  const init: RequestInit & { duplex?: 'half' } = { method: spec.method, headers, redirect: 'follow' };
  if (input.body) {
    const made = input.body();
    init.body = made.body;
    headers['Content-Type'] = made.contentType;
    if (made.stream) init.duplex = 'half';
    // A stream of known length goes out with Content-Length, not chunked (what servers expect).
    if (made.length !== undefined) headers['Content-Length'] = String(made.length);
  } else {
    headers['Content-Type'] = 'application/json';
    if (input.json !== undefined) init.body = JSON.stringify(input.json);
  }
  const deadline = createDeadline(opts.clock, timeoutMs, signal);
  init.signal = deadline.signal;
  try {
    const res = await opts.fetch(url, init);
    const text = await res.text();
    return interpret(spec, input, res.status, text);
  } catch (error) {
    if (error instanceof PanError) throw error;
    if (deadline.timedOut())
      throw new PanError('timeout', `${spec.id}: no answer within ${timeoutMs} ms`, { endpoint: spec.id });
    if (deadline.callerAborted())
      throw new PanError('aborted', `${spec.id}: aborted`, { endpoint: spec.id, cause: signal?.reason });
    throw new PanError('network', `${spec.id}: ${describeNetworkError(error)}`, { endpoint: spec.id });
  } finally {
    deadline.dispose();
  }
}

function interpret(spec: EndpointSpec, input: SendInput, status: number, text: string): unknown {
  const details = { endpoint: spec.id, httpStatus: status };
  let json: unknown;
  let isJson = false;
  try {
    json = JSON.parse(text);
    isJson = json !== null && typeof json === 'object';
  } catch {
    isJson = false;
  }
  if (status === 200) {
    if (!isJson) throw new PanError('server', `${spec.id}: HTTP 200 with a body that is not JSON`, details);
    return json;
  }
  if (isJson && input.acceptErrorJson) return json;
  if (status === 429) throw new PanError('rate_limited', `${spec.id}: HTTP 429`, details);
  if (status === 401) throw new PanError('auth_required', `${spec.id}: HTTP 401`, details);
  throw new PanError('server', `${spec.id}: HTTP ${status}`, details);
}

/** Name the failure (e.g. "ECONNRESET") without echoing anything that could hold a URL. */
function describeNetworkError(error: unknown): string {
  // fetch wraps the system error as `cause`; undici's request() throws it coded directly.
  const outer = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const found = outer?.cause?.code ?? outer?.code;
  const code = typeof found === 'string' ? found : undefined;
  const name = error instanceof Error ? error.name : 'Error';
  return code ? `network error (${code})` : `network error (${name})`;
}

import type { FetchLike } from '../http/transport';

export interface RecordedCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  json: unknown;
}

export type Handler = (call: RecordedCall) => Response | Promise<Response>;

/** A fetch that records every call and answers through `handler` (no network). */
export function createFakeFetch(handler: Handler): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fn = async (input: string, init: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    let body: string | undefined;
    if (typeof init.body === 'string') body = init.body;
    else if (init.body instanceof Blob) body = await init.body.text();
    else if (init.body instanceof Uint8Array) body = new TextDecoder().decode(init.body);
    else if (init.body instanceof ReadableStream) body = await new Response(init.body).text();
    let json: unknown;
    try {
      json = body === undefined ? undefined : JSON.parse(body);
    } catch {
      json = undefined;
    }
    const call: RecordedCall = { url: new URL(input), method: init.method ?? 'GET', headers, body, json };
    calls.push(call);
    init.signal?.throwIfAborted();
    const answer = handler(call);
    if (!init.signal) return answer;
    const signal = init.signal;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve(answer)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
  return Object.assign(fn, { calls });
}

export function envelope(data: unknown, code = 0, message = code === 0 ? 'ok' : 'error'): Response {
  return new Response(
    JSON.stringify({ code, message, data: code === 0 ? data : null, 'x-traceID': 'trace-1' }),
    {
      status: 200,
      headers: { 'content-type': 'application/json' },
    },
  );
}

export function raw(status: number, body = 'gateway trouble'): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain' } });
}

/** A fetch answer that never arrives (until aborted). */
export function never(): Promise<Response> {
  return new Promise<Response>(() => undefined);
}

/**
 * The back end's `fetch` port on Chromium's network stack (Electron's `session.fetch`), so
 * traffic to the service and its CDN follows the system's proxy configuration (including PAC
 * scripts and WPAD) and trusts the operating system's certificate store, as a browser would.
 * The user's explicit proxy setting is not handled here: the back end sends those requests
 * through its own proxy agent (CONNECT, with `user:password@` credentials, which
 * `session.fetch` cannot answer).
 *
 * Chromium differs from Node's fetch in three ways this adapter evens out:
 * - it refuses requests that set `Content-Length` (a header only the network stack may set),
 *   so that header is dropped: Chromium sends the exact length of the body it is given;
 * - a streamed request body is collected by Electron chunk by chunk with a copy of everything
 *   so far per chunk, and Chromium would send it chunked; so a body is handed over as one
 *   byte array (an upload slice is read into memory once, of the length it declared);
 * - cookies and the HTTP cache of the session are not used (`credentials: 'omit'`,
 *   `cache: 'no-store'`): every answer comes from the server, and no cookie is kept.
 *
 * Answers are web `Response`s whose body streams (a CDN download is never held in memory).
 */

/** The slice of an Electron `Session` used. */
export interface FetchingSession {
  fetch(input: string, init?: RequestInit): Promise<Response>;
}

/** Headers only Chromium's network stack may set; a request carrying one fails there. */
const NETWORK_STACK_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

function requestHeaders(init: HeadersInit | undefined): Headers {
  const headers = new Headers(init);
  for (const name of [...headers.keys()]) if (NETWORK_STACK_HEADERS.has(name)) headers.delete(name);
  return headers;
}

/** Reads a streamed body into one array, presized when its length was declared. */
async function collect(
  stream: ReadableStream<Uint8Array>,
  declared: number | undefined,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  if (declared !== undefined && declared !== size)
    throw new Error(`the request body was ${size} bytes where ${declared} were declared`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function declaredLength(init: HeadersInit | undefined): number | undefined {
  const value = new Headers(init).get('content-length');
  if (value === null) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** The body as Chromium takes it best: text or bytes as they are, anything streamed as one array. */
export async function settleBody(
  body: BodyInit | null | undefined,
  headers: HeadersInit | undefined,
): Promise<string | Uint8Array | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (body instanceof ReadableStream)
    return collect(body as ReadableStream<Uint8Array>, declaredLength(headers));
  throw new TypeError('this fetch sends only text, bytes, Blob and stream bodies');
}

export function createSessionFetch(session: () => FetchingSession): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    if (input instanceof Request) throw new TypeError('this fetch takes a URL, not a Request');
    const body = await settleBody(init.body, init.headers);
    const { duplex: _streamed, ...rest } = init as RequestInit & { duplex?: string };
    return session().fetch(String(input), {
      ...rest,
      headers: requestHeaders(init.headers),
      ...(body === undefined ? { body: null } : { body: body as BodyInit }),
      credentials: 'omit',
      cache: 'no-store',
    });
  }) as typeof fetch;
}

import type { ApiError, Err, FileDetail, FileId, FilesApi } from '@pandesk/contract';
import { previewContentType, previewPolicy } from './media-types';
import { createRangeUpstream, FORWARDED_HEADERS } from './range-upstream';
import type { DownloadUrlSource } from './range-upstream';

/**
 * Answers one request of the quick preview for a file a grant names, as a web `Response`: the
 * browser host pipes it to its HTTP reply, the desktop's `protocol.handle` returns it as is.
 * The bytes stream from the CDN with the request's `Range` forwarded; the headers are ours:
 * the type by extension, `nosniff`, a sandboxing policy for anything a tab could render as a
 * document, and who may frame it (the PDF viewer's frame). Bodies of refusals are short words
 * for a developer console, never a URL or a token.
 */

export interface PreviewResponderDeps {
  readonly files: Pick<FilesApi, 'detail'>;
  readonly links: DownloadUrlSource;
  readonly fetch?: typeof fetch;
  /** `frame-ancestors` sources allowed to frame a PDF: the app page's origin. */
  readonly frameAncestors: string;
  /**
   * The page's origin when it is not the preview URL's own (the desktop's `pandesk://app`
   * reading `pandesk-media://`): it may embed the bytes and read them with `fetch` (CORS).
   * Omitted: same-origin only.
   */
  readonly allowOrigin?: string;
  /** Clock of the cached file facts (tests). */
  readonly now?: () => number;
}

/**
 * Most bytes one request pulls from the CDN. A media element asks for open ranges
 * (`bytes=N-`) and reads on as long as its buffer allows; stopping each answer after this many
 * bytes (a shorter 206, which media elements follow with the next range) bounds what a seek or
 * a closed preview leaves fetched but unused.
 */
export const PREVIEW_CHUNK_BYTES = 2 * 1024 * 1024;

/** How long a file's name and kind are trusted between requests of one preview. */
const FACTS_LIFETIME_MS = 60_000;
const MAX_FACTS = 200;

/** `bytes=N-` becomes `bytes=N-(N+chunk-1)`; any other range (or none) is passed as it is. */
export function boundedRange(range: string | undefined, chunk: number): string | undefined {
  const open = /^bytes=(\d+)-$/.exec(range?.trim() ?? '');
  if (open === null) return range;
  const start = Number(open[1]);
  return `bytes=${start}-${start + chunk - 1}`;
}

export interface PreviewRequest {
  readonly method: string;
  readonly range: string | undefined;
  readonly signal: AbortSignal;
}

export type PreviewResponder = (fileId: FileId, request: PreviewRequest) => Promise<Response>;

const STATUS_BY_CODE: Partial<Record<ApiError['code'], number>> = {
  auth_required: 401,
  not_found: 404,
  rate_limited: 429,
  quota: 403,
};

export function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function refuseError(error: ApiError): Response {
  return refusal(STATUS_BY_CODE[error.code] ?? 502, 'The file cannot be previewed now.');
}

function previewHeaders(upstream: Response, name: string, deps: PreviewResponderDeps): Headers {
  const headers = new Headers();
  for (const header of FORWARDED_HEADERS) {
    const value = upstream.headers.get(header);
    if (value !== null) headers.set(header, value);
  }
  if (!headers.has('accept-ranges')) headers.set('Accept-Ranges', 'bytes');
  const type = previewContentType(name);
  headers.set('Content-Type', type);
  headers.set('Content-Disposition', 'inline');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Cache-Control', 'no-store');
  if (deps.allowOrigin === undefined) headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  else {
    headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    headers.set('Access-Control-Allow-Origin', deps.allowOrigin);
    // The text viewer reads the size of a cut file from Content-Range.
    headers.set('Access-Control-Expose-Headers', 'Content-Range, Content-Length, Accept-Ranges');
  }
  const policy = previewPolicy(type);
  headers.set(
    'Content-Security-Policy',
    policy ?? `frame-ancestors ${deps.frameAncestors}`, // PDF: only the app may frame its viewer
  );
  if (policy === undefined) headers.set('X-Frame-Options', 'SAMEORIGIN');
  return headers;
}

export function createPreviewResponder(deps: PreviewResponderDeps): PreviewResponder {
  const openUpstream = createRangeUpstream(deps.links, deps.fetch, { reuseUrls: true });
  const now = deps.now ?? Date.now;
  const facts = new Map<FileId, { detail: Pick<FileDetail, 'name' | 'kind'>; until: number }>();

  /** The file's name and kind, asked of the service once a minute, not once per range. */
  async function factsOf(fileId: FileId): Promise<Pick<FileDetail, 'name' | 'kind'> | Err> {
    const known = facts.get(fileId);
    if (known !== undefined && known.until > now()) return known.detail;
    const detail = await deps.files.detail({ id: fileId });
    if (!detail.ok) return detail;
    facts.delete(fileId);
    facts.set(fileId, { detail: detail.value, until: now() + FACTS_LIFETIME_MS });
    for (const oldest of facts.keys()) {
      if (facts.size <= MAX_FACTS) break;
      facts.delete(oldest);
    }
    return detail.value;
  }

  return async function respond(fileId, request) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed.');
    const detail = await factsOf(fileId);
    if ('ok' in detail) return refuseError(detail.error);
    if (detail.kind === 'folder') return refusal(400, 'Folders have no preview.');
    const range = boundedRange(request.range, PREVIEW_CHUNK_BYTES);
    const upstream = await openUpstream(fileId, range, request.signal);
    if (!(upstream instanceof Response)) return refuseError(upstream.error);
    if (![200, 206, 416].includes(upstream.status) || upstream.body === null) {
      await upstream.body?.cancel();
      return refusal(502, `The download server answered HTTP ${upstream.status}.`);
    }
    const headers = previewHeaders(upstream, detail.name, deps);
    if (request.method === 'HEAD') {
      await upstream.body.cancel();
      return new Response(null, { status: upstream.status, headers });
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  };
}

import type { ApiError, FileId, FilesApi } from '@pandesk/contract';
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

function previewHeaders(upstream: Response, name: string, frameAncestors: string): Headers {
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
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  const policy = previewPolicy(type);
  headers.set(
    'Content-Security-Policy',
    policy ?? `frame-ancestors ${frameAncestors}`, // PDF: only the app may frame its viewer
  );
  if (policy === undefined) headers.set('X-Frame-Options', 'SAMEORIGIN');
  return headers;
}

export function createPreviewResponder(deps: PreviewResponderDeps): PreviewResponder {
  const openUpstream = createRangeUpstream(deps.links, deps.fetch);
  return async function respond(fileId, request) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method not allowed.');
    const detail = await deps.files.detail({ id: fileId });
    if (!detail.ok) return refuseError(detail.error);
    if (detail.value.kind === 'folder') return refusal(400, 'Folders have no preview.');
    const upstream = await openUpstream(fileId, request.range, request.signal);
    if (!(upstream instanceof Response)) return refuseError(upstream.error);
    if (![200, 206, 416].includes(upstream.status) || upstream.body === null) {
      await upstream.body?.cancel();
      return refusal(502, `The download server answered HTTP ${upstream.status}.`);
    }
    const headers = previewHeaders(upstream, detail.value.name, deps.frameAncestors);
    if (request.method === 'HEAD') {
      await upstream.body.cancel();
      return new Response(null, { status: upstream.status, headers });
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createPreviewResponder } from '@pandesk/backend';
import type { DownloadUrlSource, PreviewGrants } from '@pandesk/backend';
import type { PanDeskApi } from '@pandesk/contract';
import { replyText } from './http-reply';

/**
 * `GET|HEAD /api/preview/<grant>`: the quick preview's bytes. The grant (from `app.previewUrl`
 * over the authorised WebSocket) is the authority, like a download ticket, but reusable until
 * it expires, because `<video>` seeks with many `Range` requests; each request streams only the
 * range asked for through the back end's preview responder (shared with the desktop's scheme).
 */

export interface PreviewRouteDeps {
  readonly api: Pick<PanDeskApi, 'files'>;
  readonly links: DownloadUrlSource;
  readonly grants: PreviewGrants;
  readonly fetch?: typeof fetch;
}

/** The path a grant is served at. */
export const PREVIEW_ROUTE = '/api/preview/';

export function createPreviewRoute(deps: PreviewRouteDeps) {
  const respond = createPreviewResponder({
    files: deps.api.files,
    links: deps.links,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    frameAncestors: "'self'",
  });
  return async function handlePreview(
    req: IncomingMessage,
    res: ServerResponse,
    grant: string,
  ): Promise<void> {
    const fileId = deps.grants.fileOf(grant);
    if (fileId === undefined)
      return replyText(res, 410, 'This preview link has expired. Preview the file again in PanDesk.');
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    const answer = await respond(fileId, { method: req.method ?? 'GET', range, signal: controller.signal });
    await sendResponse(res, answer);
  };
}

/** Writes a web `Response` to a Node reply, streaming its body. */
async function sendResponse(res: ServerResponse, answer: Response): Promise<void> {
  res.statusCode = answer.status;
  answer.headers.forEach((value, name) => res.setHeader(name, value));
  if (answer.body === null) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(answer.body as WebReadableStream<Uint8Array>), res).catch(() =>
    res.destroy(),
  );
}

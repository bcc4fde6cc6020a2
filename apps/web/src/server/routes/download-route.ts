import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createRangeUpstream, FORWARDED_HEADERS } from '@pandesk/backend';
import type { DownloadUrlSource } from '@pandesk/backend';
import type { PanDeskApi } from '@pandesk/contract';
import { attachmentDisposition } from './content-disposition';
import { replyApiError, replyText } from './http-reply';
import { inlineContentType, inlineDisposition, inlinePolicy } from './inline-types';

/**
 * A browser download of one cloud file (`GET /api/dl/<ticket>`, after the ticket was redeemed
 * for the file id: see download-tickets.ts), by the download method setting. `direct` and `proxy_url` answer 302 to the link the back end hands out (for
 * `proxy_url` it already goes through the user's proxy prefix); `local_proxy` streams the
 * bytes through this host, forwarding `Range` (so the browser can resume) and renewing an
 * expired CDN URL once (the back end's range upstream, shared with the preview).
 */

/** Where fresh download links come from (the back end, which owns the token): `Backend.downloadUrl`. */
export type DownloadLinkSource = DownloadUrlSource;

export interface DownloadRouteDeps {
  readonly api: Pick<PanDeskApi, 'settings' | 'files'>;
  readonly links: DownloadLinkSource;
  readonly fetch?: typeof fetch;
}

export function createDownloadRoute(deps: DownloadRouteDeps) {
  const openUpstream = createRangeUpstream(deps.links, deps.fetch);

  /** Saved (`attachment`) unless asked inline and the type is one a tab shows safely. */
  function setBodyHeaders(res: ServerResponse, name: string, inline: boolean): void {
    const shown = inline ? inlineContentType(name) : undefined;
    const attachment = attachmentDisposition(name);
    if (shown === undefined) {
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Disposition', attachment);
      return;
    }
    res.setHeader('Content-Type', shown);
    res.setHeader('Content-Disposition', inlineDisposition(attachment));
    const policy = inlinePolicy(shown);
    if (policy !== undefined) res.setHeader('Content-Security-Policy', policy);
  }

  async function proxy(
    req: IncomingMessage,
    res: ServerResponse,
    fileId: number,
    inline: boolean,
  ): Promise<void> {
    const detail = await deps.api.files.detail({ id: fileId });
    if (!detail.ok) return replyApiError(res, detail.error);
    if (detail.value.kind === 'folder')
      return replyText(res, 400, 'Folders cannot be downloaded by the browser; use the transfer queue.');
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    const upstream = await openUpstream(fileId, range, controller.signal);
    if (!(upstream instanceof Response)) return replyApiError(res, upstream.error);
    if (![200, 206, 416].includes(upstream.status) || upstream.body === null) {
      await upstream.body?.cancel();
      return replyText(res, 502, `The download server answered HTTP ${upstream.status}.`);
    }
    res.statusCode = upstream.status;
    for (const name of FORWARDED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    if (!res.hasHeader('accept-ranges')) res.setHeader('Accept-Ranges', 'bytes');
    setBodyHeaders(res, detail.value.name, inline);
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'HEAD') {
      await upstream.body.cancel();
      res.end();
      return;
    }
    await pipeline(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>), res).catch(() =>
      res.destroy(),
    );
  }

  async function redirect(res: ServerResponse, fileId: number): Promise<void> {
    const link = await deps.links.downloadUrl(fileId);
    if (!link.ok) return replyApiError(res, link.error);
    res.statusCode = 302;
    res.setHeader('Location', link.value);
    res.setHeader('Cache-Control', 'no-store');
    res.end();
  }

  /**
   * Serves one file to an already authorised request. `inline`: shown in the tab where the type
   * allows; through `direct` and `proxy_url` the CDN's own headers decide, as for a download.
   */
  return async function handleDownload(
    req: IncomingMessage,
    res: ServerResponse,
    fileId: number,
    inline = false,
  ): Promise<void> {
    const settings = await deps.api.settings.get();
    if (!settings.ok) return replyApiError(res, settings.error);
    if (settings.value.downloadMethod === 'local_proxy') return proxy(req, res, fileId, inline);
    return redirect(res, fileId);
  };
}

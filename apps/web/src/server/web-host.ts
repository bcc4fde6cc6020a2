import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PanDeskApi, PanDeskEventSource } from '@pandesk/contract';
import { createPreviewGrants, withPreviewUrls } from '@pandesk/backend';
import { createDownloadTickets, withDownloadLinks } from './download-tickets';
import { createLaunchSecret } from './launch-secret';
import { createRequestRouter } from './request-router';
import type { WebPageConfig } from './request-router';
import { createDownloadRoute } from './routes/download-route';
import type { DownloadLinkSource } from './routes/download-route';
import { replyText } from './routes/http-reply';
import { createPreviewRoute, PREVIEW_ROUTE } from './routes/preview-route';
import { createStageRoute } from './routes/stage-route';
import { createStagingArea } from './staging/staging-area';
import { createStagingJanitor } from './staging/staging-janitor';
import { createStaticFiles } from './static-files';
import { createWsBridge } from './ws-bridge';

/**
 * The browser host's HTTP + WebSocket server on 127.0.0.1: the built UI (public), the contract
 * over `/ws`, and the API routes `/api/stage` and `/api/config` (the per-launch secret in a
 * header) and `/api/dl/<ticket>` (a single-use ticket from `app.downloadLink`) and `/api/preview/<grant>`
 * (a reusable, file-bound grant from `app.previewUrl`), all with a
 * same-origin (or no) `Origin`. Every request must name the loopback host in `Host` (defeats
 * DNS rebinding).
 */

export interface WebHostOptions {
  /** The back end's handlers (unvalidated; the bridge validates) and events. */
  readonly api: PanDeskApi;
  readonly events: PanDeskEventSource;
  readonly links: DownloadLinkSource;
  /** Folder with the built UI (`index.html`, `assets/`). */
  readonly staticRoot: string;
  /** Folder receiving dropped files (created if missing). */
  readonly stagingRoot: string;
  /** 0 or omitted: a free port. */
  readonly port?: number;
  /** Omitted: a random one. */
  readonly secret?: string;
  readonly onError?: (error: unknown, context: string) => void;
  readonly fetch?: typeof fetch;
  /**
   * Whether browser downloads work (the back end hands out links): `app.downloadLink` mints
   * tickets for `/api/dl/`, and `/api/config` tells the page. Off: `app.downloadLink` answers
   * the back end's `unsupported`.
   */
  readonly browserDownloads?: boolean;
  /** Clock of the download tickets and preview grants (tests). */
  readonly now?: () => number;
  /** Staging cleanup timing (tests). */
  readonly stagingCheckMs?: number;
}

export type { WebPageConfig } from './request-router';

export interface WebHost {
  /** `http://127.0.0.1:PORT` (no secret). */
  readonly origin: string;
  /** The URL to open: origin plus `/#k=SECRET`. Print it for the user; never log it elsewhere. */
  readonly url: string;
  readonly port: number;
  readonly secret: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? createLaunchSecret();
  let port = 0;
  const staging = createStagingArea(options.stagingRoot);
  const janitor = createStagingJanitor({
    staging,
    api: options.api,
    events: options.events,
    ...(options.stagingCheckMs === undefined ? {} : { debounceMs: options.stagingCheckMs }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
  await janitor.sweep().catch((error: unknown) => options.onError?.(error, 'staging sweep'));
  const browserDownloads = options.browserDownloads ?? true;
  const tickets = createDownloadTickets(options.now === undefined ? {} : { now: options.now });
  const grants = createPreviewGrants(options.now === undefined ? {} : { now: options.now });
  const served = withPreviewUrls(janitor.api, grants, (grant) => `${PREVIEW_ROUTE}${grant}`);
  const api = browserDownloads ? withDownloadLinks(served, tickets) : served;
  const bridge = createWsBridge({
    api,
    events: options.events,
    secret,
    port: () => port,
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const stage = createStageRoute(staging);
  const serveFile = createDownloadRoute({
    api,
    links: options.links,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const download = async (req: IncomingMessage, res: ServerResponse, ticket: string): Promise<void> => {
    const grant = tickets.redeem(ticket);
    if (grant === undefined)
      return replyText(
        res,
        410,
        'This download link was used already or has expired. Start the download again in PanDesk.',
      );
    return serveFile(req, res, grant.fileId, grant.inline);
  };
  const preview = createPreviewRoute({
    api,
    links: options.links,
    grants,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const statics = createStaticFiles(options.staticRoot);
  const pageConfig: WebPageConfig = { browserDownloads };

  const route = createRequestRouter({
    secret,
    port: () => port,
    stage,
    download,
    preview,
    statics,
    pageConfig,
  });

  // No whole-request deadline: staging a multi-gigabyte drop over loopback may take longer than
  // Node's default 5 minutes. Headers may carry a long percent-encoded path (X-PanDesk-Path).
  const server = createServer({ requestTimeout: 0, maxHeaderSize: 64 * 1024 }, (req, res) => {
    route(req, res).catch((error: unknown) => {
      options.onError?.(error, 'web host request');
      replyText(res, 500, 'Internal error.');
    });
  });
  server.on('upgrade', (req, socket, head) => bridge.handleUpgrade(req, socket, head));
  const stop = (): Promise<void> => {
    janitor.close();
    bridge.close();
    return closeServer(server);
  };
  port = await listenOnLoopback(server, options.port ?? 0).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= stop());
  return { origin, url: `${origin}/#k=${secret}`, port, secret, close };
}

/** Listens on 127.0.0.1 only; answers the port. */
function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PanDeskApi, PanDeskEventSource } from '@pandesk/contract';
import { createLaunchSecret, requestSecret, secretsEqual } from './launch-secret';
import { isAllowedHost, isAllowedOrigin } from './request-guard';
import { createDownloadRoute } from './routes/download-route';
import type { DownloadLinkSource } from './routes/download-route';
import { replyJson, replyText } from './routes/http-reply';
import { createStageRoute } from './routes/stage-route';
import { setCommonHeaders } from './security-headers';
import { createStagingArea } from './staging/staging-area';
import { createStagingJanitor } from './staging/staging-janitor';
import { createStaticFiles } from './static-files';
import { createWsBridge } from './ws-bridge';

/**
 * The browser host's HTTP + WebSocket server on 127.0.0.1: the built UI (public), the contract
 * over `/ws`, and the API routes `/api/stage` and `/api/download/:fileId`, both of which need
 * the per-launch secret and a same-origin (or no) `Origin`. Every request must name the
 * loopback host in `Host` (defeats DNS rebinding).
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
  /** Whether `/api/download` can work (the back end hands out links); told to the page by `/api/config`. */
  readonly browserDownloads?: boolean;
  /** Staging cleanup timing (tests). */
  readonly stagingCheckMs?: number;
}

/** What `GET /api/config` tells the page. */
export interface WebPageConfig {
  readonly browserDownloads: boolean;
}

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
  const api = janitor.api;
  const bridge = createWsBridge({ api, events: options.events, secret, port: () => port, ...(options.onError ? { onError: options.onError } : {}) });
  const stage = createStageRoute(staging);
  const download = createDownloadRoute({ api, links: options.links, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const statics = createStaticFiles(options.staticRoot);
  const pageConfig: WebPageConfig = { browserDownloads: options.browserDownloads ?? true };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!isAllowedOrigin(req, { port })) return replyText(res, 403, 'Requests from other sites are refused.');
    if (!secretsEqual(secret, requestSecret(req, url))) return replyText(res, 401, 'The launch key is missing or wrong.');
    if (url.pathname === '/api/stage' && req.method === 'POST') return stage(req, res);
    if (url.pathname === '/api/config' && req.method === 'GET') return replyJson(res, 200, pageConfig);
    const match = /^\/api\/download\/([^/]+)$/.exec(url.pathname);
    if (match?.[1] !== undefined && (req.method === 'GET' || req.method === 'HEAD')) return download(req, res, match[1]);
    replyText(res, 404, 'No such route.');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    if (!isAllowedHost(req, { port })) return replyText(res, 403, 'Unknown host.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return replyText(res, 405, 'Method not allowed.');
    const served = await statics.serve(url.pathname, res, req.headers.host ?? `127.0.0.1:${port}`, req.method === 'HEAD');
    if (!served) replyText(res, 404, 'Not found.');
  }

  // No whole-request deadline: staging a multi-gigabyte drop over loopback may take longer than
  // Node's default 5 minutes. Headers may carry a long percent-encoded path (X-PanDesk-Path).
  const server = createServer({ requestTimeout: 0, maxHeaderSize: 64 * 1024 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error, 'web host request');
      replyText(res, 500, 'Internal error.');
    });
  });
  server.on('upgrade', (req, socket, head) => bridge.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      janitor.close();
      bridge.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return { origin, url: `${origin}/#k=${secret}`, port, secret, close };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestSecret, secretsEqual } from './launch-secret';
import { isAllowedHost, isAllowedOrigin } from './request-guard';
import { replyJson, replyText } from './routes/http-reply';
import { setCommonHeaders } from './security-headers';
import type { StaticFiles } from './static-files';

/**
 * Routes one HTTP request of the web host. Order of checks: hardening headers on everything;
 * `Host` must be ours (DNS rebinding); `/api/*` needs a same-origin (or absent) `Origin`, and
 * the launch key in `X-PanDesk-Key` except for `GET /api/dl/<ticket>` and
 * `GET /api/preview/<grant>`, where the single-use ticket or the file-bound grant is the authority (a plain navigation cannot carry a header, and the key must never
 * sit in a URL); everything else is the public, read-only UI.
 */

/** What `GET /api/config` tells the page. */
export interface WebPageConfig {
  readonly browserDownloads: boolean;
}

export interface RouterDeps {
  readonly secret: string;
  /** The listening port (known only once listening). */
  readonly port: () => number;
  readonly stage: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** `GET /api/dl/<ticket>`: redeems the ticket and serves its file. */
  readonly download: (req: IncomingMessage, res: ServerResponse, ticket: string) => Promise<void>;
  /** `GET|HEAD /api/preview/<grant>`: serves the grant's file, as often as asked until it expires. */
  readonly preview: (req: IncomingMessage, res: ServerResponse, grant: string) => Promise<void>;
  readonly statics: StaticFiles;
  readonly pageConfig: WebPageConfig;
}

const TICKET_PATH = /^\/api\/dl\/([A-Za-z0-9_-]{1,64})$/;
const PREVIEW_PATH = /^\/api\/preview\/([A-Za-z0-9_-]{1,64})$/;

export function createRequestRouter(
  deps: RouterDeps,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!isAllowedOrigin(req, { port: deps.port() }))
      return replyText(res, 403, 'Requests from other sites are refused.');
    const ticket = TICKET_PATH.exec(url.pathname)?.[1];
    if (ticket !== undefined && req.method === 'GET') return deps.download(req, res, ticket);
    const grant = PREVIEW_PATH.exec(url.pathname)?.[1];
    if (grant !== undefined && (req.method === 'GET' || req.method === 'HEAD'))
      return deps.preview(req, res, grant);
    if (!secretsEqual(deps.secret, requestSecret(req)))
      return replyText(res, 401, 'The launch key is missing or wrong.');
    if (url.pathname === '/api/stage' && req.method === 'POST') return deps.stage(req, res);
    if (url.pathname === '/api/config' && req.method === 'GET') return replyJson(res, 200, deps.pageConfig);
    replyText(res, 404, 'No such route.');
  }

  return async function route(req, res) {
    setCommonHeaders(res);
    const port = deps.port();
    if (!isAllowedHost(req, { port })) return replyText(res, 403, 'Unknown host.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return replyText(res, 405, 'Method not allowed.');
    const served = await deps.statics.serve(
      url.pathname,
      res,
      req.headers.host ?? `127.0.0.1:${port}`,
      req.method === 'HEAD',
    );
    if (!served) replyText(res, 404, 'Not found.');
  };
}

/**
 * The fake CDN listener (reference §8.2, §12): serves blobs behind signed, expiring URLs.
 *
 * - Bad, tampered or malformed signature, or a URL past its `t` → 403, with an empty body or
 *   JSON `{"code":1010,…}` (`cdnForbiddenBody`). No Authorization header is needed or read.
 * - `Range` (`bytes=a-b`, `a-`, `-n`) → 206 + Content-Range; none → 200; unsatisfiable → 416 with
 *   `Content-Range: bytes *\/size`. Always `Accept-Ranges: bytes`, Content-Length,
 *   a `Content-Type` by the file name's extension (`application/octet-stream` when unknown) and a
 *   Content-Disposition carrying the file name.
 * - Direct-link URLs (`<uid>/<path>`, reference §6.4) are answered through `directLinks` when
 *   given: 403 like a bad signature when refused, 404 when nothing is there, else the same body.
 * - `cdnRedirect`: a first-hop URL answers 302 to an `/edge` URL that is signed on its own.
 * - Body bytes are counted per content MD5 as they go out (`FakePan.traffic.cdnBytes`).
 * - Faults, read live per request: `cdnBytesPerSecond` paces each response; `cdnCutAfterBytes`
 *   destroys the socket after that many body bytes. With `cdnCutNext > 0` only that many responses
 *   are cut (each cut consumes one); when the counter runs out the cut is disarmed by resetting
 *   `cdnCutAfterBytes` to 0, so "cut the next N" never turns into "cut everything". With
 *   `cdnCutNext = 0` every response longer than the threshold is cut. Responses no longer than
 *   the threshold are never cut and consume nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { contentType } from 'mime-types';
import type { Faults, Switches } from '../options';
import { keepConnectionsLikeTheService } from '../http/keep-alive';
import type { Traffic } from '../http/traffic';
import type { ContentStore } from '../content/content-store';
import { sendBody } from './body-sender';
import { parseRange } from './range';
import type { UrlSigner, VerifiedTicket } from './signing';

export interface CdnStats {
  /** Responses that carried (or started carrying) a body: 200 and 206. */
  bodies: number;
  /** Body bytes written over all responses. */
  bytesSent: number;
  cuts: number;
  redirects: number;
  forbidden: number;
}

export type DirectLinkResolution =
  | { kind: 'file'; md5: string; size: number; filename: string }
  | { kind: 'forbidden'; why: string }
  | { kind: 'missing' };

/** Answers direct-link paths; undefined = not a direct-link path. */
export interface DirectLinkResolver {
  resolve(pathAndQuery: string): DirectLinkResolution | undefined;
}

export interface CdnDeps {
  store: ContentStore;
  signer: UrlSigner;
  /** Live objects: changes apply to the next request (the bandwidth cap even mid-response). */
  faults: Faults;
  switches: Switches;
  directLinks?: DirectLinkResolver;
  /** Where body bytes are counted per content MD5 (`FakePan.traffic`); not counted when absent. */
  traffic?: Pick<Traffic, 'addCdn' | 'addCdnRequest'>;
}

export interface CdnServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly stats: CdnStats;
  close(): Promise<void>;
}

export interface CdnServerOptions extends CdnDeps {
  host?: string;
  port?: number;
}

export async function startCdnServer(options: CdnServerOptions): Promise<CdnServer> {
  const stats: CdnStats = { bodies: 0, bytesSent: 0, cuts: 0, redirects: 0, forbidden: 0 };
  let url = '';
  const handler = createCdnHandler(options, () => url, stats);
  const server: Server = createServer((req, res) => void handler(req, res));
  keepConnectionsLikeTheService(server);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request handler alone, for hosting the CDN on a listener made elsewhere. */
export function createCdnHandler(
  deps: CdnDeps,
  baseUrl: () => string,
  stats: CdnStats,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    deps.traffic?.addCdnRequest();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const direct = deps.directLinks?.resolve(req.url ?? '/');
    if (direct?.kind === 'forbidden') {
      stats.forbidden++;
      forbid(res, deps.switches, direct.why);
      return;
    }
    if (direct?.kind === 'missing' || (direct && !deps.store.has(direct.md5, direct.size))) {
      res.writeHead(404, { 'content-length': 0 }).end();
      return;
    }
    if (direct) {
      await serveBlob(req, res, deps, { ...direct, uid: 0, expiresAtSec: 0, edge: false }, stats);
      return;
    }
    const verified = deps.signer.verify(req.url ?? '/');
    if (!verified.ok) {
      stats.forbidden++;
      forbid(res, deps.switches, verified.reason === 'expired' ? 'url expired' : 'signature mismatch');
      return;
    }
    const ticket = verified.ticket;
    if (deps.switches.cdnRedirect && !ticket.edge) {
      stats.redirects++;
      res.writeHead(302, { location: deps.signer.sign(baseUrl(), ticket, true), 'content-length': 0 }).end();
      return;
    }
    if (!deps.store.has(ticket.md5, ticket.size)) {
      res.writeHead(404, { 'content-length': 0 }).end();
      return;
    }
    await serveBlob(req, res, deps, ticket, stats);
  };
}

async function serveBlob(
  req: IncomingMessage,
  res: ServerResponse,
  deps: CdnDeps,
  ticket: VerifiedTicket,
  stats: CdnStats,
): Promise<void> {
  const { size } = ticket;
  const common = {
    'accept-ranges': 'bytes',
    'content-type': contentTypeOf(ticket.filename),
    'content-disposition': contentDisposition(ticket.filename),
    etag: `"${ticket.md5}"`,
  };
  const range = parseRange(req.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'content-range': `bytes */${size}`, 'content-length': 0 }).end();
    return;
  }
  const span = range.kind === 'partial' ? range.range : undefined;
  const length = span ? span.end - span.start + 1 : size;
  const headers: Record<string, string | number> = { ...common, 'content-length': length };
  if (span) headers['content-range'] = `bytes ${span.start}-${span.end}/${size}`;
  res.writeHead(span ? 206 : 200, headers);
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  stats.bodies++;
  deps.traffic?.addCdnRequest(ticket.md5);
  const cutAfterBytes = takeCut(deps.faults, length);
  const source = deps.store.createReadStream(ticket.md5, size, span);
  try {
    const outcome = await sendBody(res, source, {
      bytesPerSecond: () => deps.faults.cdnBytesPerSecond,
      cutAfterBytes,
      onBytes: (bytes) => deps.traffic?.addCdn(ticket.md5, bytes),
    });
    stats.bytesSent += outcome.bytes;
    if (outcome.kind === 'cut') stats.cuts++;
  } catch {
    res.destroy(); // the blob could not be read mid-body: all a client can see is a broken connection
  }
}

/** Decides whether this response gets cut, consuming `cdnCutNext` (see the module comment). */
function takeCut(faults: Faults, bodyLength: number): number | undefined {
  const after = faults.cdnCutAfterBytes;
  if (after <= 0 || bodyLength <= after) return undefined;
  if (faults.cdnCutNext > 0) {
    faults.cdnCutNext--;
    if (faults.cdnCutNext === 0) faults.cdnCutAfterBytes = 0;
  }
  return after;
}

function forbid(res: ServerResponse, switches: Switches, why: string): void {
  if (switches.cdnForbiddenBody === 'json1010') {
    const body = JSON.stringify({ code: 1010, message: `download err: ${why}` });
    res
      .writeHead(403, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      .end(body);
  } else {
    res.writeHead(403, { 'content-length': 0 }).end();
  }
}

/** By extension (text types with `charset=utf-8`); a name without one is plain bytes. */
export function contentTypeOf(filename: string): string {
  const ext = extname(filename);
  return (ext && contentType(ext)) || 'application/octet-stream';
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 8187). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

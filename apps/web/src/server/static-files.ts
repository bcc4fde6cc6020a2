import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative } from 'node:path';
import { setPageHeaders } from './security-headers';

/**
 * Serves the built UI (`apps/web/dist`). Assets are public (they hold no secret; the secret
 * only ever lives in the URL fragment). Only files inside `root` are served.
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFiles {
  /** Answers a GET/HEAD for `pathname`; false when there is no such file (caller answers 404). */
  serve(pathname: string, res: ServerResponse, host: string, headOnly: boolean): Promise<boolean>;
}

function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const file = join(root, decoded === '/' ? 'index.html' : decoded);
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? file : undefined;
}

export function createStaticFiles(root: string): StaticFiles {
  async function serve(
    pathname: string,
    res: ServerResponse,
    host: string,
    headOnly: boolean,
  ): Promise<boolean> {
    const file = resolveInside(root, pathname);
    if (file === undefined) return false;
    const info = await stat(file).catch(() => undefined);
    if (info === undefined || !info.isFile()) return false;
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.statusCode = 200;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', info.size);
    if (type.startsWith('text/html')) setPageHeaders(res, host);
    else
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    if (headOnly) {
      res.end();
      return true;
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      stream.on('end', resolve);
      stream.pipe(res);
    });
    return true;
  }
  return { serve };
}

import * as path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';

/**
 * Maps a `pandesk://app/...` request to a file of the built renderer, refusing anything that
 * would leave the renderer folder (`..`, encoded separators, absolute paths, other hosts).
 * Pure, so the path rules are unit-tested; the protocol handler only reads the file.
 */

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function mimeTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * @param rootDir absolute path of the built renderer (`dist/renderer`).
 * @returns the absolute file path, or `null` when the request is not for an app file.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const parts = relative.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === '')) return null;
  const file = path.resolve(rootDir, ...parts);
  const rel = path.relative(rootDir, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

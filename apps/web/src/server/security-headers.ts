import type { ServerResponse } from 'node:http';

/**
 * Response headers. Every response gets the generic hardening; the HTML page also gets a
 * strict Content-Security-Policy: scripts, styles and connections only from this origin (plus
 * the WebSocket on the same host), no inline script, no framing, no plugins, no forms.
 */

export function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** The CSP of the page served from `host` (`127.0.0.1:PORT`). */
export function contentSecurityPolicy(host: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // 'self' also covers the quick preview's images (/api/preview/<grant>).
    "img-src 'self' data: blob:",
    // The quick preview plays audio and video from /api/preview/<grant> on this origin.
    "media-src 'self'",
    // The quick preview shows a PDF in Chromium's viewer, in a frame of /api/preview/<grant>.
    "frame-src 'self'",
    "font-src 'self' data:",
    `connect-src 'self' ws://${host}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function setPageHeaders(res: ServerResponse, host: string): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(host));
  res.setHeader('Cache-Control', 'no-store');
}

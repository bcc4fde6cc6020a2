import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAppAsset, mimeTypeOf } from './app-assets';
import { APP_SCHEME } from './app-url';
import { MEDIA_SCHEME } from './media-url';
import { securityHeaders } from './security/session-guard';

/**
 * The `pandesk://` scheme that serves the built renderer. Registered as privileged (standard +
 * secure, like https) before `app.ready`, so the page gets a real origin, `'self'` in the CSP
 * means exactly the app, and nothing on disk outside the renderer folder is reachable.
 */

/**
 * Must run before the app is ready. `pandesk-media://` (the quick preview's bytes) is privileged
 * too: `stream` so `<video>` can seek through Range requests instead of reading the file whole,
 * `supportFetchAPI` and `corsEnabled` so the text viewer can `fetch` its first bytes.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: MEDIA_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
    },
  ]);
}

/** Answers `pandesk-media://` with the preview handler (media-handler.ts). Call after `app.ready`. */
export function serveMediaProtocol(handler: (request: Request) => Promise<Response>): void {
  protocol.handle(MEDIA_SCHEME, handler);
}

function headersFor(file: string): Headers {
  const headers = new Headers({ 'Content-Type': mimeTypeOf(file), 'Cache-Control': 'no-cache' });
  for (const [name, values] of Object.entries(securityHeaders())) headers.set(name, values.join(', '));
  return headers;
}

/** Serves files of `rendererDir`; everything else answers 404. Call after `app.ready`. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererDir, request.url);
    if (file === null || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: headersFor(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

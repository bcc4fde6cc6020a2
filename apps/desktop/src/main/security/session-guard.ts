import type { Session, WebContents } from 'electron';
import { buildCspHeader } from './csp';

/**
 * Applies the window-independent protections to a session and to every web contents the app
 * creates: the CSP header on every response, permission requests and checks denied (PanDesk
 * needs no camera, notifications-from-page, geolocation...), and no navigation, new windows or
 * `<webview>` at all. Electron-touching; its decisions are the constants and the CSP module
 * tested elsewhere.
 */

/** Response headers added to every response the session receives. */
export function securityHeaders(): Record<string, string[]> {
  return {
    'Content-Security-Policy': [buildCspHeader()],
    'X-Content-Type-Options': ['nosniff'],
    'Cross-Origin-Opener-Policy': ['same-origin'],
    'Referrer-Policy': ['no-referrer'],
  };
}

/** Replaces any header of the same name (case-insensitively) with ours. */
export function withSecurityHeaders(
  headers: Record<string, string[] | string> | undefined,
): Record<string, string[] | string> {
  const ours = securityHeaders();
  const lower = new Set(Object.keys(ours).map((k) => k.toLowerCase()));
  const kept = Object.entries(headers ?? {}).filter(([name]) => !lower.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...ours };
}

/**
 * Whether a response gets the app's headers. DevTools' own pages (`devtools://`) run inline
 * scripts and `eval`, which the app's CSP forbids, so they keep their own headers; they are not
 * reachable from the app's page. The quick preview's `pandesk-media://` answers keep theirs too:
 * main's preview responder sets nosniff and a sandboxing CSP per type, and the app's
 * `frame-ancestors 'none'` would stop the PDF viewer's frame.
 */
export function takesSecurityHeaders(url: string): boolean {
  return !url.startsWith('devtools://') && !url.startsWith('pandesk-media://');
}

export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!takesSecurityHeaders(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Device pickers (WebHID, WebUSB, serial) would otherwise let a page ask for hardware.
  session.setDevicePermissionHandler(() => false);
}

/**
 * Every web contents (our window, and anything a bug might create) may not navigate, redirect,
 * open windows or attach webviews. The app is a single page; reloads are not navigations.
 */
export function guardContents(contents: WebContents, onBlocked: (what: string) => void): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    onBlocked('navigation');
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    onBlocked('redirect');
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview');
  });
  contents.setWindowOpenHandler(() => {
    onBlocked('new window');
    return { action: 'deny' };
  });
}

import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { buildCspHeader } from './csp';
import { guardContents, hardenSession, withSecurityHeaders } from './session-guard';

type Handler = (...args: never[]) => unknown;

/** Records what hardenSession registers, so each handler can be called like Electron would. */
function fakeSession() {
  const got: Record<string, Handler> = {};
  const session = {
    webRequest: { onHeadersReceived: (h: Handler) => (got.headers = h) },
    setPermissionRequestHandler: (h: Handler) => (got.request = h),
    setPermissionCheckHandler: (h: Handler) => (got.check = h),
    setDevicePermissionHandler: (h: Handler) => (got.device = h),
  };
  return { session: session as unknown as Session, got };
}

function fakeContents() {
  const listeners = new Map<string, Handler>();
  let openHandler: Handler | undefined;
  const contents = {
    on: (event: string, h: Handler) => listeners.set(event, h),
    setWindowOpenHandler: (h: Handler) => (openHandler = h),
  };
  return { contents: contents as unknown as WebContents, listeners, open: () => openHandler };
}

describe('security headers', () => {
  it('adds the CSP and hardening headers, replacing any the response already had', () => {
    const out = withSecurityHeaders({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(out['Content-Security-Policy']).toEqual([buildCspHeader()]);
    expect(out['content-security-policy']).toBeUndefined();
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([buildCspHeader()]);
  });
});

describe('session hardening', () => {
  it('puts the CSP on every response and denies every permission request, check and device', () => {
    const { session, got } = fakeSession();
    hardenSession(session);
    let headers: unknown;
    const onHeaders = got.headers as unknown as (d: unknown, cb: (r: unknown) => void) => void;
    onHeaders({ url: 'pandesk://app/index.html', responseHeaders: {} }, (r) => (headers = r));
    expect(headers).toEqual({ responseHeaders: withSecurityHeaders({}) });
    // DevTools' own pages keep their headers (the app's CSP would break them).
    onHeaders(
      { url: 'devtools://devtools/bundled/devtools_app.html', responseHeaders: {} },
      (r) => (headers = r),
    );
    expect(headers).toEqual({});
    // The quick preview's bytes keep the preview responder's own nosniff and sandboxing CSP.
    onHeaders({ url: 'pandesk-media://preview/abc', responseHeaders: {} }, (r) => (headers = r));
    expect(headers).toEqual({});
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (got.request as unknown as (w: unknown, p: string, cb: (ok: boolean) => void) => void)(
        {},
        permission,
        (ok) => (granted = ok),
      );
      expect(granted, permission).toBe(false);
      expect(
        (got.check as unknown as (...a: unknown[]) => boolean)(null, permission, 'pandesk://app', {}),
      ).toBe(false);
    }
    expect((got.device as unknown as (...a: unknown[]) => boolean)({})).toBe(false);
  });

  it('blocks navigation, redirects, webviews and new windows', () => {
    const { contents, listeners, open } = fakeContents();
    const blocked: string[] = [];
    guardContents(contents, (what) => blocked.push(what));
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      (listeners.get(event) as unknown as (e: { preventDefault(): void }) => void)({
        preventDefault: () => (prevented = true),
      });
      expect(prevented, event).toBe(true);
    }
    expect((open() as unknown as (d: unknown) => unknown)({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    });
    expect(blocked).toEqual(['navigation', 'redirect', 'webview', 'new window']);
  });
});

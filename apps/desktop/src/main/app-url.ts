/**
 * Where the renderer lives. The window loads `pandesk://app/index.html`, a privileged custom
 * scheme served from the built renderer folder, never `file://` (which would let any file on the
 * disk share the page's origin) and never a remote URL. Every origin check (IPC sender,
 * navigation guard, CSP `'self'`) compares against {@link APP_ORIGIN}.
 */

/** The custom scheme, registered as standard and secure before the app is ready. */
export const APP_SCHEME = 'pandesk';
/** The only host the scheme answers for. */
export const APP_HOST = 'app';
/** `pandesk://app`: the renderer's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` parses and belongs to the app's own origin (scheme and host, no port). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

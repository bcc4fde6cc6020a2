/**
 * The launch secret in the page. The host prints `http://127.0.0.1:PORT/#k=SECRET`; the page
 * moves the secret into sessionStorage (this tab, this origin only) and removes it from the
 * address bar, so it does not linger in history, bookmarks or screenshots. A reload of the same
 * tab still finds it.
 */

const STORAGE_KEY = 'pandesk.launchKey';
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export interface LaunchKeyEnvironment {
  readonly location: Pick<Location, 'hash' | 'pathname'>;
  readonly history: Pick<History, 'replaceState'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
}

function fromParams(text: string): string | undefined {
  const value = new URLSearchParams(text).get('k');
  return value !== null && KEY_PATTERN.test(value) ? value : undefined;
}

/**
 * The key from `#k=`, else from this tab's storage; undefined when there is none. Never from a
 * `?k=` query: a query reaches the server and the history entry, a fragment does not.
 */
export function takeLaunchKey(env: LaunchKeyEnvironment): string | undefined {
  const fromUrl = fromParams(env.location.hash.replace(/^#/, ''));
  if (fromUrl !== undefined) {
    env.storage.setItem(STORAGE_KEY, fromUrl);
    env.history.replaceState(null, '', env.location.pathname);
    return fromUrl;
  }
  const stored = env.storage.getItem(STORAGE_KEY);
  return stored !== null && KEY_PATTERN.test(stored) ? stored : undefined;
}

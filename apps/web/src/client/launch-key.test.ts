import { describe, expect, it } from 'vitest';
import { takeLaunchKey } from './launch-key';

function env(hash: string, search = '', stored: string | null = null) {
  const storage = new Map<string, string>(stored === null ? [] : [['pandesk.launchKey', stored]]);
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    env: {
      location: { hash, search, pathname: '/' },
      history: {
        replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)),
      },
      storage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
      },
    },
  };
}

const KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

describe('takeLaunchKey', () => {
  it('takes the key from the fragment, keeps it for this tab and clears the address', () => {
    const e = env(`#k=${KEY}`);
    expect(takeLaunchKey(e.env)).toBe(KEY);
    expect(e.storage.get('pandesk.launchKey')).toBe(KEY);
    expect(e.replaced).toEqual(['/']);
  });

  it('never takes the key from a ?k= query, and falls back to the stored key on reload', () => {
    expect(takeLaunchKey(env('', `?k=${KEY}`).env)).toBeUndefined();
    expect(takeLaunchKey(env('', '', KEY).env)).toBe(KEY);
  });

  it('ignores malformed keys and answers undefined without one', () => {
    expect(takeLaunchKey(env('#k=<script>').env)).toBeUndefined();
    expect(takeLaunchKey(env('').env)).toBeUndefined();
  });
});

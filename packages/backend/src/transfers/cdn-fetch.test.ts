import { describe, expect, it } from 'vitest';
import { createCdnFetch } from './cdn-fetch';

describe('CDN fetch by download method', () => {
  it('fetches directly, or through the proxy prefix for proxy_url', async () => {
    const seen: string[] = [];
    const base = (async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response('ok');
    }) as typeof fetch;
    let method: 'direct' | 'local_proxy' | 'proxy_url' = 'direct';
    const f = createCdnFetch(
      base,
      () => ({ downloadMethod: method }),
      () => 'https://u:p@proxy.test/',
    );
    const init = { headers: {}, signal: new AbortController().signal, redirect: 'follow' as const };
    await f('https://cdn.test/a?t=1', init);
    method = 'local_proxy';
    await f('https://cdn.test/b?t=1', init);
    method = 'proxy_url';
    await f('https://cdn.test/c?t=1', init);
    expect(seen).toEqual([
      'https://cdn.test/a?t=1',
      'https://cdn.test/b?t=1',
      'https://u:p@proxy.test/https://cdn.test/c?t=1',
    ]);
  });
});

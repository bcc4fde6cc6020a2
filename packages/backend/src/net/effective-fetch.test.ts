import { describe, expect, it } from 'vitest';
import { createEffectiveFetch } from './effective-fetch';

function tagged(tag: string, seen: string[]): typeof fetch {
  return (async () => {
    seen.push(tag);
    return new Response('');
  }) as typeof fetch;
}

describe('effective fetch', () => {
  it('follows the proxy setting live, one proxied fetch per proxy URL', async () => {
    const seen: string[] = [];
    let proxy = '';
    const built: string[] = [];
    const f = createEffectiveFetch({
      base: tagged('direct', seen),
      proxyUrl: () => proxy,
      proxyFetch: (url) => (built.push(url), tagged(`via ${url}`, seen)),
    });
    await f('http://x');
    proxy = 'http://p:1';
    await f('http://x');
    await f('http://x');
    proxy = '';
    await f('http://x');
    expect(seen).toEqual(['direct', 'via http://p:1', 'via http://p:1', 'direct']);
    expect(built).toEqual(['http://p:1']);
  });
});

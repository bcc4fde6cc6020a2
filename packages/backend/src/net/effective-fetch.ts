/**
 * The fetch for traffic to the service and its CDN, following the `httpProxy` setting live:
 * each request looks up the current proxy, so changing the setting needs no new sign-in.
 * Proxied fetches come from `proxyFetch` (the host's port, or undici's ProxyAgent by default),
 * one per proxy URL.
 */

export interface EffectiveFetchOptions {
  base: typeof fetch;
  /** The proxy URL with its password, `''` for none. */
  proxyUrl: () => string;
  proxyFetch: (proxyUrl: string) => typeof fetch;
}

export function createEffectiveFetch(options: EffectiveFetchOptions): typeof fetch {
  let cached: { url: string; fetch: typeof fetch } | undefined;
  const current = (): typeof fetch => {
    const url = options.proxyUrl();
    if (url === '') return options.base;
    if (cached?.url !== url) cached = { url, fetch: options.proxyFetch(url) };
    return cached.fetch;
  };
  return ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    current()(input, init)) as typeof fetch;
}

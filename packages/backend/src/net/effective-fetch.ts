/**
 * The fetch for traffic to the service and its CDN, following the `httpProxy` setting live:
 * each request looks up the current proxy, so changing the setting needs no new sign-in.
 * Proxied fetches come from the host's `proxyFetch` port, one per proxy URL.
 */
import type { Logger } from '../log/daily-log';

export interface EffectiveFetchOptions {
  base: typeof fetch;
  /** The proxy URL with its password, `''` for none. */
  proxyUrl: () => string;
  proxyFetch?: (proxyUrl: string) => typeof fetch;
  logger: Logger;
}

export function createEffectiveFetch(options: EffectiveFetchOptions): typeof fetch {
  let cached: { url: string; fetch: typeof fetch } | undefined;
  let warnedFor = '';
  const current = (): typeof fetch => {
    const url = options.proxyUrl();
    if (url === '') return options.base;
    if (options.proxyFetch === undefined) {
      if (warnedFor !== url) {
        warnedFor = url;
        options.logger.warn(
          `an HTTP(S) proxy is configured (${url}) but this host cannot route through it: requests go out directly`,
        );
      }
      return options.base;
    }
    if (cached?.url !== url) cached = { url, fetch: options.proxyFetch(url) };
    return cached.fetch;
  };
  return ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
    current()(input, init)) as typeof fetch;
}

/**
 * The fetch the transfer engine uses for CDN bytes, following the download method setting:
 * `direct` and `local_proxy` fetch the CDN URL here in the back end (which is what "local
 * proxy" means for the engine: the bytes pass through PanDesk), `proxy_url` sends the request
 * to the user's prefix followed by the full CDN URL (`https://proxy.example/` +
 * `https://cdn.../file?t=...`), the convention of URL-prefix download proxies.
 */
import type { Settings } from '@pandesk/contract';
import type { FetchLike } from '@pandesk/transfer';

export function proxiedUrl(prefix: string, url: string): string {
  return `${prefix}${url}`;
}

export function createCdnFetch(
  base: typeof fetch,
  settings: () => Pick<Settings, 'downloadMethod'>,
  proxyPrefix: () => string,
): FetchLike {
  return (url, init) => {
    const method = settings().downloadMethod;
    const prefix = proxyPrefix();
    const target = method === 'proxy_url' && prefix !== '' ? proxiedUrl(prefix, url) : url;
    return base(target, init);
  };
}

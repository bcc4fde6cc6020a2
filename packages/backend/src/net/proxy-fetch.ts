/**
 * The default `proxyFetch`: undici's `ProxyAgent` under our undici-based fetch (see
 * undici-fetch), so the HTTP(S) proxy setting works in every host (Electron main and the web
 * host) without a host hook. Requests are tunnelled with CONNECT (also
 * for plain http targets), which every HTTP proxy supports for HTTPS anyway. Credentials in
 * the proxy URL (`http://user:password@host:port`) become a `Proxy-Authorization` header.
 */
import { ProxyAgent } from 'undici';
import { createUndiciFetch } from './undici-fetch';

export interface ProxyFetchFactory {
  /** A fetch through `proxyUrl`. Building the next one closes the previous agent (gracefully: requests in flight finish). */
  (proxyUrl: string): typeof fetch;
  /** Closes the current agent (back end shutdown). */
  close(): Promise<void>;
}

export function createProxyFetchFactory(): ProxyFetchFactory {
  let current: ProxyAgent | undefined;
  const retire = (agent: ProxyAgent | undefined): Promise<void> =>
    agent === undefined ? Promise.resolve() : agent.close().catch(() => undefined);

  const factory = ((proxyUrl: string): typeof fetch => {
    const agent = new ProxyAgent(proxyUrl);
    void retire(current);
    current = agent;
    return createUndiciFetch(() => agent);
  }) as ProxyFetchFactory;
  factory.close = () => {
    const agent = current;
    current = undefined;
    return retire(agent);
  };
  return factory;
}

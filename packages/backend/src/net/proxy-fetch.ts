/**
 * The default `proxyFetch`: undici's `ProxyAgent` with undici's own `fetch`, so the HTTP(S)
 * proxy setting works in every host (Electron main and the web host) without a host hook.
 *
 * undici's fetch, not Node's: Node 20 bundles an older undici whose fetch does not reliably
 * accept a dispatcher from the installed undici 7. Requests are tunnelled with CONNECT (also
 * for plain http targets), which every HTTP proxy supports for HTTPS anyway. Credentials in
 * the proxy URL (`http://user:password@host:port`) become a `Proxy-Authorization` header.
 */
import { ProxyAgent, fetch as undiciFetch } from 'undici';

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
    const proxied = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
      undiciFetch(input as Parameters<typeof undiciFetch>[0], {
        ...(init as Parameters<typeof undiciFetch>[1]),
        dispatcher: agent,
      });
    return proxied as unknown as typeof fetch;
  }) as ProxyFetchFactory;
  factory.close = () => {
    const agent = current;
    current = undefined;
    return retire(agent);
  };
  return factory;
}

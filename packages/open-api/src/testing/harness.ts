import { createPanClient, type PanClientOptions } from '../client';
import { createMemoryTokenStore } from '../auth/types';
import { createManualClock } from '@pandesk/contract/testing';
import { createFakeFetch, envelope, type Handler, type RecordedCall } from './fake-fetch';

export const BASE = 'https://api.test';

/**
 * A client wired to a fake fetch and a fake clock. `routes` answers by path; the token
 * endpoint mints `tok-1`, `tok-2`, … unless overridden. No real time passes.
 */
export function harness(routes: Record<string, Handler>, options: Partial<PanClientOptions> = {}) {
  const clock = createManualClock({ auto: true });
  let minted = 0;
  const store = createMemoryTokenStore();
  const defaults: Record<string, Handler> = {
    '/api/v1/access_token': () =>
      envelope({ accessToken: `tok-${++minted}`, expiredAt: '2026-02-01T00:00:00+08:00' }),
  };
  const table = { ...defaults, ...routes };
  const fetch = createFakeFetch((call: RecordedCall) => {
    const handler = table[call.url.pathname];
    if (!handler) return new Response('no route', { status: 404 });
    return handler(call);
  });
  const client = createPanClient({
    baseUrl: BASE,
    fetch,
    clock,
    random: () => 0,
    tokenStore: store,
    credentials: { kind: 'client', clientId: 'cid', clientSecret: 'S3CR3T-VALUE' },
    ...options,
  });
  const callsTo = (path: string): RecordedCall[] => fetch.calls.filter((c) => c.url.pathname === path);
  return { client, clock, fetch, store, callsTo, minted: () => minted };
}

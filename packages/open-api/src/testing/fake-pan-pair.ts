import { startFakePan, type FakePan, type FakePanOptions } from '@pandesk/fake-pan';
import { createMemoryTokenStore, type TokenStore } from '../auth/types';
import { createPanClient, type PanClient, type PanClientOptions } from '../client';

export interface Pair {
  fake: FakePan;
  client: PanClient;
  store: TokenStore & { current(): ReturnType<ReturnType<typeof createMemoryTokenStore>['current']> };
  /** Another client on the same fake (e.g. "after a restart"), sharing `store` unless given one. */
  another(options?: Partial<PanClientOptions>): PanClient;
}

/**
 * A fake-pan on port 0 and a client with developer credentials, real clock and real fetch.
 * Backoff starts at 100 ms (instead of 500) and 20103 pauses are 200 ms (instead of 1 s) so
 * fault tests stay quick; proactive pacing is unchanged.
 */
export async function startPair(
  fakeOptions: FakePanOptions = {},
  clientOptions: Partial<PanClientOptions> = {},
): Promise<Pair> {
  const fake = await startFakePan({ port: 0, ...fakeOptions });
  const store = createMemoryTokenStore();
  const make = (extra: Partial<PanClientOptions> = {}): PanClient =>
    createPanClient({
      baseUrl: fake.baseUrl,
      credentials: { kind: 'client', clientId: fake.clientId, clientSecret: fake.clientSecret },
      tokenStore: store,
      retry: { baseMs: 100, transportBaseMs: 50, processingMs: 200 },
      ...clientOptions,
      ...extra,
    });
  return { fake, client: make(), store, another: make };
}

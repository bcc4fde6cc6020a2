/**
 * A switch for "the network": while down, every request through `fetch` fails as a refused
 * connection, and requests in flight (bodies included) break as a reset connection does. Put in
 * front of both the API client and the engine's CDN fetch, it cuts the API, the upload host and
 * the CDN at once, as losing Wi-Fi would.
 */
import type { PlainFetch } from './pan-kit';

function networkError(code: 'ECONNREFUSED' | 'ECONNRESET'): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

export interface NetworkSwitch {
  readonly fetch: PlainFetch;
  readonly isDown: boolean;
  /** Requests refused while down. */
  readonly refused: number;
  down(): void;
  up(): void;
}

export function createNetworkSwitch(
  base: PlainFetch = (input, init) => globalThis.fetch(input, init),
): NetworkSwitch {
  const inFlight = new Set<AbortController>();
  let isDown = false;
  let refused = 0;
  return {
    get isDown() {
      return isDown;
    },
    get refused() {
      return refused;
    },
    async fetch(input, init) {
      if (isDown) {
        refused++;
        throw networkError('ECONNREFUSED');
      }
      const cut = new AbortController();
      inFlight.add(cut);
      const signal = init.signal ? AbortSignal.any([init.signal, cut.signal]) : cut.signal;
      try {
        const response = await base(input, { ...init, signal });
        // The body may still be streaming: the switch keeps the power to cut it until it ends.
        if (!response.body) return response;
        const body = response.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({ flush: () => void inFlight.delete(cut) }),
        );
        return new Response(body, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      } catch (error) {
        inFlight.delete(cut);
        throw error;
      }
    },
    down() {
      isDown = true;
      for (const cut of inFlight) cut.abort(networkError('ECONNRESET'));
      inFlight.clear();
    },
    up() {
      isDown = false;
    },
  };
}

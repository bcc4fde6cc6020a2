import type { ApiDomain, PanDeskApi } from './api';
import { API_DOMAINS, API_METHODS } from './api';

/**
 * The channel table: one channel per method of {@link PanDeskApi}, named `domain:method`. The
 * Electron preload, the IPC binding, the WebSocket bridge and the RPC layer all loop over it;
 * none lists channels by hand. Names only: the input schemas live in `@pandesk/contract/server`,
 * so the renderer and the preload carry no schema library.
 */

/** The input type of one API method: `undefined` for methods that take none. */
export type InputOf<F> = F extends () => unknown
  ? undefined
  : F extends (input: infer I) => unknown
    ? I
    : never;
/** The value type a method's Result carries on success. */
export type OutputOf<F> = F extends (...args: never[]) => Promise<infer R>
  ? R extends { ok: true; value: infer V }
    ? V
    : never
  : never;

export type ApiMethod<D extends ApiDomain> = keyof PanDeskApi[D] & string;

/** Every channel name, e.g. `files:list`. */
export type ApiChannel = { [D in ApiDomain]: `${D}:${ApiMethod<D>}` }[ApiDomain];

/** One row of the flattened table. */
export interface ChannelSpec {
  readonly channel: ApiChannel;
  readonly domain: ApiDomain;
  readonly method: string;
}

export function channelName<D extends ApiDomain>(domain: D, method: ApiMethod<D>): `${D}:${ApiMethod<D>}` {
  return `${domain}:${method}`;
}

/** Every channel, in domain order then declaration order. Frozen. */
export const API_CHANNELS: readonly ChannelSpec[] = Object.freeze(
  API_DOMAINS.flatMap((domain) =>
    API_METHODS[domain].map((method: string) =>
      Object.freeze({ channel: `${domain}:${method}` as ApiChannel, domain, method }),
    ),
  ),
);

const BY_CHANNEL: ReadonlyMap<string, ChannelSpec> = new Map(
  API_CHANNELS.map((spec) => [spec.channel, spec]),
);

/** Looks a channel up by name; `undefined` for anything not in the table (own keys only, no prototype tricks). */
export function findChannel(channel: string): ChannelSpec | undefined {
  return BY_CHANNEL.get(channel);
}

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && BY_CHANNEL.has(value);
}

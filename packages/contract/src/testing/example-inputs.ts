import type { ApiDomain, PanDeskApi } from '../api';
import type { ApiMethod, InputOf } from '../channels';
import { API_INPUTS } from '../server/api-inputs';

/**
 * One valid input for every channel, shaped exactly like the API (taken from the input table,
 * where each example sits next to its schema). Meant for round-trip tests of any binding
 * (in-memory RPC, Electron IPC, WebSocket bridge).
 */
export type ExampleInputs = {
  readonly [D in ApiDomain]: { readonly [M in ApiMethod<D>]: InputOf<PanDeskApi[D][M]> };
};

function examplesOf<D extends ApiDomain>(domain: D): ExampleInputs[D] {
  const specs = API_INPUTS[domain] as Readonly<Record<string, { example: unknown }>>;
  return Object.fromEntries(
    Object.entries(specs).map(([method, spec]) => [method, spec.example]),
  ) as ExampleInputs[D];
}

export const EXAMPLE_INPUTS: ExampleInputs = {
  auth: examplesOf('auth'),
  settings: examplesOf('settings'),
  files: examplesOf('files'),
  transfers: examplesOf('transfers'),
  places: examplesOf('places'),
  app: examplesOf('app'),
  shares: examplesOf('shares'),
  directLinks: examplesOf('directLinks'),
  cloud: examplesOf('cloud'),
  sync: examplesOf('sync'),
};

/** Looks up the example input of one method, e.g. `exampleInputFor('files', 'list')`. */
export function exampleInputFor(domain: ApiDomain, method: string): unknown {
  return (EXAMPLE_INPUTS[domain] as Record<string, unknown>)[method];
}

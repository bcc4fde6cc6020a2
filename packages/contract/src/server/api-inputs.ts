import type { ApiDomain } from '../api';
import type { ChannelSpec } from '../channels';
import { findChannel } from '../channels';
import type { DomainInputs, InputSpec } from './input-spec';
import { NO_INPUT } from './input-spec';
import { APP_INPUTS } from './schemas/app-info';
import { CLOUD_INPUTS } from './schemas/cloud';
import { DIRECT_LINKS_INPUTS } from './schemas/direct-links';
import { FILES_INPUTS } from './schemas/files';
import { PLACES_INPUTS } from './schemas/places';
import { SETTINGS_INPUTS } from './schemas/settings';
import { SHARES_INPUTS } from './schemas/shares';
import { SYNC_INPUTS } from './schemas/sync';
import { TRANSFERS_INPUTS } from './schemas/transfers';

/** For every domain and method of `PanDeskApi`, the schema its input must pass and an example. */
export type ApiInputs = { readonly [D in ApiDomain]: DomainInputs<D> };

export const API_INPUTS: ApiInputs = {
  auth: { status: NO_INPUT, signIn: NO_INPUT, signOut: NO_INPUT, useDemo: NO_INPUT },
  settings: SETTINGS_INPUTS,
  files: FILES_INPUTS,
  transfers: TRANSFERS_INPUTS,
  places: PLACES_INPUTS,
  app: APP_INPUTS,
  shares: SHARES_INPUTS,
  directLinks: DIRECT_LINKS_INPUTS,
  cloud: CLOUD_INPUTS,
  sync: SYNC_INPUTS,
};

/** A channel of the table with its input spec. */
export interface ServedChannel extends ChannelSpec {
  readonly input: InputSpec<unknown>;
}

/** Looks a channel up by name with its input spec; `undefined` for anything not in the table. */
export function findServedChannel(channel: string): ServedChannel | undefined {
  const spec = findChannel(channel);
  if (spec === undefined) return undefined;
  const input = (API_INPUTS[spec.domain] as Readonly<Record<string, InputSpec<unknown>>>)[spec.method];
  return input === undefined ? undefined : { ...spec, input };
}

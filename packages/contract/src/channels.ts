import type { z } from 'zod';
import type { ApiDomain, PanDeskApi } from './api';
import { API_DOMAINS } from './api';
import { choosePathsInputSchema, revealInFolderInputSchema, startDragInputSchema } from './app-info';
import { noInputSchema } from './common';
import {
  deleteForeverInputSchema,
  detailInputSchema,
  listFolderInputSchema,
  listMoreInputSchema,
  listTrashInputSchema,
  mkdirInputSchema,
  moveInputSchema,
  renameInputSchema,
  restoreInputSchema,
  searchInputSchema,
  trashInputSchema,
  treeChildrenInputSchema,
} from './files';
import { addPlaceInputSchema, removePlaceInputSchema } from './places';
import { connectionPatchSchema, settingsPatchSchema } from './settings';
import {
  downloadInputSchema,
  moveToTopInputSchema,
  transferPageInputSchema,
  transferSelectionSchema,
  uploadInputSchema,
} from './transfer-inputs';

/**
 * The channel table: for every domain and method of {@link PanDeskApi}, the schema its input
 * must pass. The Electron preload, the IPC binding, the WebSocket bridge and the RPC layer all
 * loop over it; none lists channels by hand.
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

/** The schemas, shaped exactly like the API; the compiler rejects a missing or mistyped entry. */
export type ApiSchemas = {
  readonly [D in ApiDomain]: { readonly [M in ApiMethod<D>]: z.ZodType<InputOf<PanDeskApi[D][M]>> };
};

export const API_SCHEMAS: ApiSchemas = {
  auth: { status: noInputSchema, signIn: noInputSchema, signOut: noInputSchema, useDemo: noInputSchema },
  settings: { get: noInputSchema, update: settingsPatchSchema, setConnection: connectionPatchSchema },
  files: {
    list: listFolderInputSchema,
    listMore: listMoreInputSchema,
    treeChildren: treeChildrenInputSchema,
    detail: detailInputSchema,
    mkdir: mkdirInputSchema,
    rename: renameInputSchema,
    move: moveInputSchema,
    trash: trashInputSchema,
    listTrash: listTrashInputSchema,
    restore: restoreInputSchema,
    deleteForever: deleteForeverInputSchema,
    search: searchInputSchema,
    quota: noInputSchema,
  },
  transfers: {
    upload: uploadInputSchema,
    download: downloadInputSchema,
    pause: transferSelectionSchema,
    resume: transferSelectionSchema,
    cancel: transferSelectionSchema,
    retry: transferSelectionSchema,
    moveToTop: moveToTopInputSchema,
    clearFinished: noInputSchema,
    page: transferPageInputSchema,
    summary: noInputSchema,
  },
  places: { list: noInputSchema, add: addPlaceInputSchema, remove: removePlaceInputSchema },
  app: {
    info: noInputSchema,
    openLogFolder: noInputSchema,
    revealInFolder: revealInFolderInputSchema,
    startDrag: startDragInputSchema,
    choosePaths: choosePathsInputSchema,
  },
};

/** One row of the flattened table. */
export interface ChannelSpec {
  readonly channel: ApiChannel;
  readonly domain: ApiDomain;
  readonly method: string;
  readonly input: z.ZodType<unknown>;
}

export function channelName<D extends ApiDomain>(domain: D, method: ApiMethod<D>): `${D}:${ApiMethod<D>}` {
  return `${domain}:${method}`;
}

function flatten(): readonly ChannelSpec[] {
  return API_DOMAINS.flatMap((domain) =>
    Object.entries(API_SCHEMAS[domain] as Record<string, z.ZodType<unknown>>).map(([method, input]) => ({
      channel: `${domain}:${method}` as ApiChannel,
      domain,
      method,
      input,
    })),
  );
}

/** Every channel, in domain order then declaration order. Frozen. */
export const API_CHANNELS: readonly ChannelSpec[] = Object.freeze(flatten());

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

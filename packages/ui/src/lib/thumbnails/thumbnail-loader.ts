/**
 * Thumbnails for the grid's tiles: a tile asks while it is rendered (the virtualised grid
 * renders the rows in view plus one row of overscan) and cancels when it leaves. Requests run
 * a few at a time; one cancelled before it starts never reaches the back end. A thumbnail the
 * back end stores answers from its disk cache; made ones are also kept here in memory (a
 * bounded number), so scrolling back costs nothing at all.
 *
 * The flow per image (see the contract's `thumbnails.ts`): `app.thumbnail` answers a stored
 * thumbnail, or the image's bytes (fetched and counted by the back end), which are made into
 * a thumbnail here and given back with `app.storeThumbnail`.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type {
  FileEntry,
  PanDeskBridge,
  ThumbnailRefusal,
  ThumbnailSize,
  ThumbnailTraffic,
} from '@pandesk/contract';
import { THUMBNAIL_EXTENSIONS } from '@pandesk/contract';
import { extensionOf } from '../sort';
import { makeThumbnail } from './make-thumbnail';
import { createRequestQueue } from './request-queue';

/** Requests to the back end at a time. */
export const THUMBNAIL_CONCURRENCY = 3;
/** Made thumbnails kept in memory (data URLs of a few KB each). */
const MEMORY_ENTRIES = 600;

/** A thumbnail to show (a `data:` URL), or `null`: show the type icon. */
export type ThumbnailState = string | null;

export interface ThumbnailStatus {
  traffic: ThumbnailTraffic | null;
  /** Why thumbnails stopped for now, once one was refused for it. */
  paused: Extract<ThumbnailRefusal, 'budget_spent' | 'traffic_exhausted'> | null;
}

export interface ThumbnailLoader {
  readonly status: StoreApi<ThumbnailStatus>;
  /** Asks for an entry's thumbnail; `deliver` is called once with the answer. Returns the cancel. */
  request(entry: FileEntry, px: ThumbnailSize, deliver: (state: ThumbnailState) => void): () => void;
  /** Reads the traffic counts again (after a fetch, and when the settings open). */
  refreshTraffic(): Promise<void>;
  /** Forgets the in-memory thumbnails (e.g. thumbnails turned off). */
  forget(): void;
}

/** Whether an entry may get a thumbnail at all (a file of an image type with an MD5). */
export function hasThumbnail(entry: FileEntry): boolean {
  return (
    entry.kind === 'file' && entry.md5 !== null && THUMBNAIL_EXTENSIONS.includes(extensionOf(entry.name))
  );
}

/** The thumbnail edge covering a tile area of `cssPx` on this screen. */
export function thumbnailSizeFor(cssPx: number, pixelRatio: number): ThumbnailSize {
  return cssPx * pixelRatio <= 128 ? 128 : 256;
}

export function createThumbnailLoader(bridge: PanDeskBridge): ThumbnailLoader {
  const status = createStore<ThumbnailStatus>()(() => ({ traffic: null, paused: null }));
  const queue = createRequestQueue(THUMBNAIL_CONCURRENCY);
  const memory = new Map<string, string>();
  /** Answers already in flight, shared by tiles of the same image. */
  const inFlight = new Map<string, Promise<ThumbnailState>>();

  function remember(key: string, url: string): void {
    memory.delete(key);
    memory.set(key, url);
    if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value!);
  }

  async function refreshTraffic(): Promise<void> {
    const traffic = await bridge.app.thumbnailTraffic();
    if (traffic.ok) status.setState({ traffic: traffic.value, paused: traffic.value.pausedBecause });
  }

  async function load(
    entry: FileEntry & { md5: string },
    px: ThumbnailSize,
    key: string,
  ): Promise<ThumbnailState> {
    const source = await bridge.app.thumbnail({ fileId: entry.id, md5: entry.md5, size: entry.size, px });
    if (!source.ok) return null;
    const answer = source.value;
    if (answer.kind === 'none') {
      if (answer.why === 'budget_spent' || answer.why === 'traffic_exhausted') {
        status.setState({ paused: answer.why });
        void refreshTraffic();
      }
      return null;
    }
    if (answer.kind === 'thumbnail') {
      const url = `data:${answer.type};base64,${answer.data}`;
      remember(key, url);
      return url;
    }
    void refreshTraffic();
    const made = await makeThumbnail(answer.data, entry.name, px).catch(() => null);
    if (made === null) return null;
    await bridge.app.storeThumbnail({ md5: entry.md5, px, type: made.type, data: made.data });
    const url = `data:${made.type};base64,${made.data}`;
    remember(key, url);
    return url;
  }

  return {
    status,
    request(entry, px, deliver) {
      if (!hasThumbnail(entry) || entry.md5 === null) {
        deliver(null);
        return () => undefined;
      }
      const md5 = entry.md5;
      const key = `${md5}-${px}`;
      const known = memory.get(key);
      if (known !== undefined) {
        deliver(known);
        return () => undefined;
      }
      let live = true;
      const shared = inFlight.get(key);
      if (shared !== undefined) {
        void shared.then((state) => live && deliver(state));
        return () => void (live = false);
      }
      const drop = queue.add(async () => {
        if (!live) return;
        const made = memory.get(key);
        if (made !== undefined) return deliver(made);
        let answer = inFlight.get(key);
        if (answer === undefined) {
          answer = load({ ...entry, md5 }, px, key).finally(() => inFlight.delete(key));
          inFlight.set(key, answer);
        }
        const state = await answer.catch(() => null);
        if (live) deliver(state);
      });
      return () => {
        live = false;
        drop();
      };
    },
    refreshTraffic,
    forget: () => memory.clear(),
  };
}

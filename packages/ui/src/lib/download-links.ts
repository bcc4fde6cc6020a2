import type { DownloadLink, FileId, PanDeskBridge } from '@pandesk/contract';

/**
 * Links for dragging a file out of the browser window (Chromium's `DownloadURL`). The drag
 * payload must be written synchronously in `dragstart`, but a link is a single-use ticket the
 * host mints over the bridge (`app.downloadLink`), so one is asked for as soon as the user
 * presses a file row and taken (used up) when the drag starts. Links the user never dragged
 * expire on the host by themselves.
 */
export interface DownloadLinkCache {
  /** Asks for a link for this file unless a fresh one is already here or on its way. */
  prefetch(fileId: FileId): void;
  /** The ready, unexpired link for this file, removed from the cache; undefined when none. */
  take(fileId: FileId): string | undefined;
}

/** A link is not handed out this close to its expiry (the drop may take a moment). */
const SAFETY_MS = 5_000;

export function createDownloadLinkCache(
  bridge: Pick<PanDeskBridge, 'app'>,
  now: () => number = Date.now,
): DownloadLinkCache {
  const ready = new Map<FileId, DownloadLink>();
  const pending = new Set<FileId>();
  const fresh = (link: DownloadLink | undefined): link is DownloadLink =>
    link !== undefined && link.expiresAt - SAFETY_MS > now();
  return {
    prefetch(fileId) {
      if (pending.has(fileId) || fresh(ready.get(fileId))) return;
      pending.add(fileId);
      void bridge.app
        .downloadLink({ fileId })
        .then((result) => {
          if (result.ok) ready.set(fileId, result.value);
        })
        .finally(() => pending.delete(fileId));
    },
    take(fileId) {
      const link = ready.get(fileId);
      ready.delete(fileId);
      return fresh(link) ? link.url : undefined;
    },
  };
}

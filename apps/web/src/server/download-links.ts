import type { Backend } from '@pandesk/backend';
import { fail } from '@pandesk/contract';
import type { Result } from '@pandesk/contract';
import type { DownloadLinkSource } from './routes/download-route';

/**
 * Fresh CDN URLs for the browser download route come from the back end, which owns the token.
 * The contract has no such call (the renderer never sees signed URLs), so the back end offers
 * it beside `api` as `downloadUrl(fileId)`; until a back end does, the route answers
 * `unsupported` and the page offers the queue's Download instead of browser downloads.
 */
export type BackendWithLinks = Backend & {
  readonly downloadUrl?: (fileId: number) => Promise<Result<string>>;
};

export function hasDownloadLinks(backend: BackendWithLinks): boolean {
  return typeof backend.downloadUrl === 'function';
}

export function backendDownloadLinks(backend: BackendWithLinks): DownloadLinkSource {
  return {
    downloadUrl: async (fileId) =>
      backend.downloadUrl !== undefined
        ? backend.downloadUrl(fileId)
        : fail('unsupported', 'This PanDesk host cannot hand the browser a download link; use Download to save into the download folder.'),
  };
}

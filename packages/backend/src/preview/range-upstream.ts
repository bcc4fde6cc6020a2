import type { Err, FileId, Result } from '@pandesk/contract';

/**
 * Reads a cloud file's bytes from the CDN for a host that streams them on (the browser host's
 * download and preview routes, the desktop's media scheme): forwards the caller's `Range` so
 * resuming and seeking fetch only what is asked, and asks the back end for a new signed URL
 * once when the CDN says the old one expired (403/410).
 */

/** Fresh signed CDN URLs: `Backend.downloadUrl`. Secret-bearing: never logged or shown. */
export interface DownloadUrlSource {
  downloadUrl(fileId: FileId): Promise<Result<string>>;
}

export type OpenUpstream = (
  fileId: FileId,
  range: string | undefined,
  signal: AbortSignal,
) => Promise<Response | Err>;

export function createRangeUpstream(links: DownloadUrlSource, fetchImpl: typeof fetch = fetch): OpenUpstream {
  return async function openUpstream(fileId, range, signal) {
    const headers: Record<string, string> = range === undefined ? {} : { range };
    for (let attempt = 0; ; attempt++) {
      const link = await links.downloadUrl(fileId);
      if (!link.ok) return link;
      const upstream = await fetchImpl(link.value, { headers, redirect: 'follow', signal });
      if ((upstream.status !== 403 && upstream.status !== 410) || attempt > 0) return upstream;
      await upstream.body?.cancel();
    }
  };
}

/** Response headers of the CDN worth passing on: sizes, ranges and validators. */
export const FORWARDED_HEADERS = [
  'content-length',
  'content-range',
  'accept-ranges',
  'last-modified',
  'etag',
];

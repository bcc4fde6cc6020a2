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

export interface RangeUpstreamOptions {
  /**
   * Keep each file's signed URL and use it again until the CDN refuses it (the preview: a video
   * makes many requests, and a new URL costs a rate-limited API call). Off: a new URL each time.
   */
  readonly reuseUrls?: boolean;
}

/** Most files whose URL is kept. */
const MAX_KEPT_URLS = 200;

export function createRangeUpstream(
  links: DownloadUrlSource,
  fetchImpl: typeof fetch = fetch,
  options: RangeUpstreamOptions = {},
): OpenUpstream {
  const kept = new Map<FileId, string>();
  const keep = (fileId: FileId, url: string): void => {
    if (options.reuseUrls !== true) return;
    kept.delete(fileId);
    kept.set(fileId, url);
    for (const oldest of kept.keys()) {
      if (kept.size <= MAX_KEPT_URLS) break;
      kept.delete(oldest);
    }
  };
  return async function openUpstream(fileId, range, signal) {
    const headers: Record<string, string> = range === undefined ? {} : { range };
    for (let attempt = 0; ; attempt++) {
      let url = attempt === 0 ? kept.get(fileId) : undefined;
      if (url === undefined) {
        const link = await links.downloadUrl(fileId);
        if (!link.ok) return link;
        url = link.value;
      }
      const upstream = await fetchImpl(url, { headers, redirect: 'follow', signal });
      if ((upstream.status !== 403 && upstream.status !== 410) || attempt > 0) {
        if (upstream.ok) keep(fileId, url);
        return upstream;
      }
      kept.delete(fileId);
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

import type { Backend } from '@pandesk/backend';
import type { DownloadLinkSource } from './routes/download-route';

/**
 * Fresh download links for the browser download route come from the back end, which owns the
 * token: `Backend.downloadUrl` (the contract has no such call, since the renderer never sees
 * signed URLs). The back end applies the download proxy prefix for `proxy_url` itself.
 */
export function backendDownloadLinks(backend: Pick<Backend, 'downloadUrl'>): DownloadLinkSource {
  return { downloadUrl: (fileId) => backend.downloadUrl(fileId) };
}

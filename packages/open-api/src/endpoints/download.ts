import type { CallOptions, HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import { mapDownloadUrl } from '../map/download';
import type { DownloadTicket } from '../types';
import { wireDownloadInfo } from '../wire/download';

export interface DownloadApi {
  /**
   * A fresh signed CDN URL for a file. 20103 ("verifying", right after an upload) is retried
   * with ~1 s pauses by the pipeline; 5113 surfaces as `traffic_exhausted`, 5066 as `not_found`.
   */
  info(fileId: number, options?: CallOptions): Promise<DownloadTicket>;
}

export function createDownloadApi(core: HttpCore): DownloadApi {
  return {
    async info(fileId, options = {}) {
      const data = await core.call(ENDPOINTS.downloadInfo, wireDownloadInfo, {
        signal: options.signal,
        onWait: options.onWait,
        query: { fileId },
      });
      return mapDownloadUrl(data.downloadUrl);
    },
  };
}

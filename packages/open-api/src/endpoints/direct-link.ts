import type { HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import { PanError } from '../errors';
import { wireNullData } from '../wire/common';
import { wireDirectLinkFolder, wireDirectLinkUrl } from '../wire/cloud';

export interface DirectLinkApi {
  /** Turns direct-link space on for a folder; returns the folder's name. VIP or developer only. */
  enable(folderId: number, options?: { signal?: AbortSignal }): Promise<string>;
  disable(folderId: number, options?: { signal?: AbortSignal }): Promise<string>;
  /**
   * The long-lived URL of a file inside an enabled folder. When the account has URL
   * authentication on, sign it with `signDirectLink` before handing it out.
   */
  url(fileId: number, options?: { signal?: AbortSignal }): Promise<string>;
  /** Asks the CDN to drop what it cached for every direct link. */
  refreshCache(options?: { signal?: AbortSignal }): Promise<void>;
}

function checkId(id: number): void {
  if (!Number.isSafeInteger(id) || id <= 0) throw new PanError('invalid_argument', `not a file id: ${id}`);
}

export function createDirectLinkApi(core: HttpCore): DirectLinkApi {
  const toggle = async (spec: typeof ENDPOINTS.directLinkEnable, folderId: number, signal?: AbortSignal) => {
    checkId(folderId);
    return (await core.call(spec, wireDirectLinkFolder, { signal, json: { fileID: folderId } })).filename;
  };
  return {
    enable: (folderId, options = {}) => toggle(ENDPOINTS.directLinkEnable, folderId, options.signal),
    disable: (folderId, options = {}) => toggle(ENDPOINTS.directLinkDisable, folderId, options.signal),
    async url(fileId, options = {}) {
      checkId(fileId);
      const data = await core.call(ENDPOINTS.directLinkUrl, wireDirectLinkUrl, {
        signal: options.signal,
        query: { fileID: fileId },
      });
      return data.url;
    },
    async refreshCache(options = {}) {
      await core.call(ENDPOINTS.directLinkRefresh, wireNullData, { signal: options.signal });
    },
  };
}

import type { LimitKey } from './rate-table';

/**
 * Every endpoint the client calls, with the facts the pipeline needs. `idempotent` answers
 * one question: if a request's outcome is unknown (connection dropped, timeout, 5xx, non-JSON
 * answer), is sending it again harmless? Rate-limit and "verifying" answers are always safe to
 * repeat because the service did nothing; that is decided in `classify`, not here.
 */
export interface EndpointSpec {
  id: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** 'api' = the configured API base; 'upload' = a host handed out at run time (passed per call). */
  host: 'api' | 'upload';
  auth: boolean;
  idempotent: boolean;
  limitKey: LimitKey | null;
  timeout: 'api' | 'slice' | 'single';
}

const api = (
  id: string,
  method: EndpointSpec['method'],
  path: string,
  limitKey: LimitKey | null,
  idempotent: boolean,
): EndpointSpec => ({
  id,
  method,
  path,
  host: 'api',
  auth: true,
  idempotent,
  limitKey,
  timeout: 'api',
});

export const ENDPOINTS = {
  // Repeating a mint after a lost answer costs one extra live token (3 allowed per client id);
  // failing instead would leave the app signed out over a network blip. Accept the cost.
  accessToken: {
    ...api('auth.access_token', 'POST', '/api/v1/access_token', 'access_token', true),
    auth: false,
  },
  // NOT safe: a refresh token works once. If the answer was lost, the rotated token is gone
  // and a repeat can only fail; surface it so the user re-authorises.
  oauthToken: {
    ...api('auth.oauth2', 'POST', '/api/v1/oauth2/access_token', 'oauth_token', false),
    auth: false,
  },
  userInfo: api('user.info', 'GET', '/api/v1/user/info', 'user_info', true),
  listV2: api('file.list', 'GET', '/api/v2/file/list', 'list_v2', true),
  listV1: api('file.list_v1', 'GET', '/api/v1/file/list', 'list_v1', true),
  detail: api('file.detail', 'GET', '/api/v1/file/detail', 'detail', true),
  infos: api('file.infos', 'POST', '/api/v1/file/infos', 'infos', true),
  // NOT safe: if the first attempt created the folder, a repeat reports a name conflict.
  // (`ensureFolderPath` can repeat safely because it resolves that conflict by lookup.)
  mkdir: api('file.mkdir', 'POST', '/upload/v1/file/mkdir', 'mkdir', false),
  // Safe: setting the same name twice ends in the same state.
  renameOne: api('file.rename_one', 'PUT', '/api/v1/file/name', 'rename', true),
  renameMany: api('file.rename_many', 'POST', '/api/v1/file/rename', 'rename', true),
  // NOT safe: a repeat after a move that landed may fail as a conflict, or undo a move another
  // client made in between; the caller should re-list and decide.
  move: api('file.move', 'POST', '/api/v1/file/move', 'move', false),
  // Safe: trashed / recovered / deleted are end states; a repeat converges to the same state.
  trash: api('file.trash', 'POST', '/api/v1/file/trash', 'trash', true),
  recover: api('file.recover', 'POST', '/api/v1/file/recover', 'recover', true),
  recoverByPath: api('file.recover_by_path', 'POST', '/api/v1/file/recover/by_path', 'recover', true),
  delete: api('file.delete', 'POST', '/api/v1/file/delete', 'delete', true),
  // create / single / sha1_reuse: safe only with duplicate=overwrite (decided per call). With
  // 'error' a repeat hits its own file as a conflict; with 'keep_both' it makes a second copy.
  uploadCreate: api('upload.create', 'POST', '/upload/v2/file/create', 'upload_create', false),
  // Safe: re-sending a slice number replaces the earlier bytes (§7.3).
  uploadSlice: {
    ...api('upload.slice', 'POST', '/upload/v2/file/slice', null, true),
    host: 'upload',
    timeout: 'slice',
  },
  // Safe: completion is a poll.
  uploadComplete: api('upload.complete', 'POST', '/upload/v2/file/upload_complete', 'upload_complete', true),
  uploadDomain: api('upload.domain', 'GET', '/upload/v2/file/domain', 'upload_domain', true),
  uploadSingle: {
    ...api('upload.single', 'POST', '/upload/v2/file/single/create', 'upload_single', false),
    host: 'upload',
    timeout: 'single',
  },
  sha1Reuse: api('upload.sha1_reuse', 'POST', '/upload/v2/file/sha1_reuse', 'sha1_reuse', false),
  downloadInfo: api('download.info', 'GET', '/api/v1/file/download_info', 'download_info', true),
  // NOT safe: a repeat makes a second share link.
  shareCreate: api('share.create', 'POST', '/api/v1/share/create', 'share_create', false),
  shareList: api('share.list', 'GET', '/api/v1/share/list', 'share_list', true),
  // Safe: it sets values; a repeat sets the same ones.
  shareUpdate: api('share.update', 'PUT', '/api/v1/share/list/info', 'share_update', true),
  // Safe: enabled / disabled are end states; the cache refresh can run twice.
  directLinkEnable: api(
    'direct_link.enable',
    'POST',
    '/api/v1/direct-link/enable',
    'direct_link_admin',
    true,
  ),
  directLinkDisable: api(
    'direct_link.disable',
    'POST',
    '/api/v1/direct-link/disable',
    'direct_link_admin',
    true,
  ),
  directLinkUrl: api('direct_link.url', 'GET', '/api/v1/direct-link/url', 'direct_link_url', true),
  directLinkRefresh: api(
    'direct_link.refresh',
    'POST',
    '/api/v1/direct-link/cache/refresh',
    'direct_link_admin',
    true,
  ),
  // NOT safe: a repeat starts a second download of the same URL.
  offlineDownload: api('offline.download', 'POST', '/api/v1/offline/download', 'offline_download', false),
  offlineProcess: api('offline.process', 'GET', '/api/v1/offline/download/process', 'offline_process', true),
  // NOT safe: a repeat makes a second copy.
  copyOne: api('file.copy', 'POST', '/api/v1/file/copy', 'copy', false),
  copyAsync: api('file.copy_async', 'POST', '/api/v1/file/async/copy', 'copy', false),
  copyProcess: api('file.copy_process', 'GET', '/api/v1/file/async/copy/process', 'copy_process', true),
} satisfies Record<string, EndpointSpec>;

export { createPanClient, DEFAULT_API_BASE_URL } from './client';
export type { PanClient, PanClientOptions, AuthApi, FilesApi, UploadApi } from './client';
export { PanError, isPanError, isTransientCode, redactUrl, REASON_BY_CODE } from './errors';
export type { PanErrorCode, PanErrorDetails } from './errors';
export type {
  PanEntry,
  EntryKind,
  ListPage,
  TrashPage,
  PanUser,
  VipGrant,
  DuplicatePolicy,
  DownloadTicket,
} from './types';
export { createMemoryTokenStore } from './auth/types';
export type { Credentials, StoredToken, TokenStore, AuthStatus, AuthState, AuthListener } from './auth/types';
export type { OAuthCodeExchange } from './auth/token-endpoints';
export type { ListOptions, TrashListOptions } from './endpoints/listing';
export type { RenameFailure } from './endpoints/mutations';
export { MAX_IDS_PER_CALL, MAX_RENAMES_PER_CALL } from './endpoints/mutations';
export type { EnsurePathOptions } from './endpoints/ensure-path';
export type { FileTarget, CreateResult, SliceInput, CompleteOptions } from './endpoints/upload';
export { MAX_CREATE_BYTES, MAX_SINGLE_BYTES } from './endpoints/upload';
export type { Timeouts, AttemptReport, CallOptions, RetryWait } from './http/core';
export type { LimitKey, RateFigure, RateTier } from './http/rate-table';
export { RATE_TABLE } from './http/rate-table';
export type { FetchLike } from './http/transport';
export { classify } from './http/classify';
export type { RetryAction } from './http/classify';
export type { SliceBody, SliceReader } from './util/multipart';
export { parseServiceTime } from './map/time';
export type {
  ShareInput,
  CreatedShare,
  ShareLink,
  SharePage,
  ShareTraffic,
  ShareTrafficPackage,
  ShareExpiryDays,
  OfflineProgress,
  OfflineState,
  CopyTaskState,
} from './cloud-types';
export type { SharesApi, ShareListOptions } from './endpoints/shares';
export { MAX_SHARE_IDS, MAX_SHARE_NAME_CHARS } from './endpoints/shares';
export type { DirectLinkApi } from './endpoints/direct-link';
export type { OfflineApi, OfflineStartInput, OfflineWaitOptions } from './endpoints/offline';
export { OFFLINE_POLL_BUDGET } from './endpoints/offline';
export type { CopyApi } from './endpoints/copy';
export { MAX_ASYNC_COPY_IDS, COPY_POLL_BUDGET } from './endpoints/copy';
export type { PollOptions } from './util/poll-task';
export { signDirectLink } from './util/direct-link-sign';
export type { DirectLinkSignInput } from './util/direct-link-sign';

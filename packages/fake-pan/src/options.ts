/**
 * Options, switches and faults of the fake 123pan Open Platform server.
 *
 * - `Switches` model what the API reference marks uncertain
 *   ([S] items, §13). Each has the most plausible default; tests flip them to prove the
 *   client copes with either behaviour.
 * - `Faults` are things that go wrong on the real network or service. All of them can be
 *   set at start, changed at run time through `FakePan.faults`, and over HTTP at
 *   `POST /__fake/faults` (an endpoint the real API does not have; it needs the control token,
 *   see `control-guard.ts`).
 */
import type { Clock } from '@pandesk/contract';

/** Behaviours the reference is unsure about. Defaults are the most plausible reading. */
export interface Switches {
  /** Calls without the `Platform: open_platform` header get a non-zero code (§1.1). */
  requirePlatformHeader: boolean;
  /** v2 list `limit` > 100: 'clamp' to 100 or answer an 'error' (§12). */
  listLimitOver100: 'clamp' | 'error';
  /** Do trashed siblings block a name (mkdir, rename, upload)? (§11, §13.12) */
  trashedBlocksNames: boolean;
  /** Does trashed content count in `spaceUsed` and against the quota? (§5.8, §13.12) */
  trashCountsTowardsQuota: boolean;
  /** Suffix format for `duplicate: 1` (keep both); `{name}` and `{ext}` placeholders (§13.13). */
  keepBothSuffix: string;
  /** Does `duplicate: 2` (overwrite) keep the old file's id? (§13.13) */
  overwriteKeepsId: boolean;
  /** Slice endpoint rejects a slice whose `sliceMD5` differs from its bytes (§13.22). */
  rejectSliceMd5Mismatch: boolean;
  /** Slices other than the last must be exactly `sliceSize` (§13.22). */
  enforceSliceSize: boolean;
  /** `sliceSize` handed out by create, in bytes (§7.2; 16 MiB is the documented value). */
  sliceSize: number;
  /** Files at least this big get `largeSliceSize` instead (the web API did this; §13.10). 0 = never. */
  largeFileThreshold: number;
  largeSliceSize: number;
  /** infos answers with `list`, `fileList` or both keys (§4.4, §13.11). */
  infosListKey: 'list' | 'fileList' | 'both';
  /** Rename-many answers `null` or `{successList, failList}` (§5.3, §13.11). */
  renameManyResponse: 'null' | 'lists';
  /** `upload_complete` "not yet" answers are `{completed:false}` bodies or code 20103 (§7.4). */
  completeNotYetStyle: 'completed_false' | '20103';
  /** Answer the first CDN hop with a 302 to an "edge" path (§8.2). */
  cdnRedirect: boolean;
  /** Expired or tampered CDN URL: bare 403, or 403 with JSON `{code:1010}` (§8.2). */
  cdnForbiddenBody: 'empty' | 'json1010';
  /** Moving a folder into its own subtree is refused (§13.24). */
  refuseMoveIntoSelf: boolean;
  /** Zero-byte uploads are accepted (§13.17). */
  allowZeroByteUpload: boolean;
  /** Message of the code-1 answer to an upload beyond the quota (undocumented, §12 user/info, §13.3). */
  quotaExceededMessage: string;
  /** Characters a share name may not contain ("no special characters", §6.1 [S]). */
  shareNameForbiddenChars: string;
  /** `expiration` shown for a share created with `shareExpire: 0` (never expires; §6.2 [S]). */
  shareNoExpiryTime: string;
  /** Direct links (enable, disable, url, cache refresh) are refused for non-VIP accounts (§6.4 [S]). */
  directLinkNeedsVip: boolean;
  /** `auth_key` signs the decoded URL path or the percent-encoded one (§8.3 "the URL path only"). */
  directLinkAuthPath: 'decoded' | 'encoded';
  /** Offline `status` numbers: 0 running/1 failed/2 success/3 retrying, or 0 success/1 failed/2 running (§9 [S]). */
  offlineStatusCodes: '0running-1failed-2success-3retrying' | '0success-1failed-2running';
  /** Offline `fileName` must end in an image extension (one SDK says so; §9 [S]). */
  offlineFileNameNeedsImageExt: boolean;
  /** Offline download without `dirID`: into `offlineDefaultFolderName` under the root, or refused (§9 [S]). */
  offlineWithoutDir: 'default_folder' | 'refuse';
  offlineDefaultFolderName: string;
  /** Key of the new id in the single-copy answer (§5.5, §13.8 [S]). */
  copyResultKey: 'targetFileId' | 'targetFileID';
  /** A copy whose name is taken in the target: 'keep_both' (suffix, `keepBothSuffix`) or 'error' (§5.5 [S]). */
  copyNameClash: 'keep_both' | 'error';
  /** `POST /api/v1/file/copy` exists (one SDK says it may answer 404; §5.5 [S]). */
  copyOneAvailable: boolean;
}

/** Things that go wrong. Counters (`…Next`) are consumed one per matching call. */
export interface Faults {
  /** Lifetime of tokens minted by `access_token`, in seconds (real: 30 days). */
  tokenLifetimeSec: number;
  /** OAuth `expires_in`, in seconds (real example: 7200). */
  oauthTokenLifetimeSec: number;
  /** The next N authenticated API calls answer body code 401. */
  force401Next: number;
  /** The next N API calls answer a raw HTTP error with a non-JSON body (gateway style). */
  rawHttpErrorNext: number;
  /** HTTP status used by `rawHttpErrorNext` (429, 500, 502, 503, 504 …). */
  rawHttpErrorStatus: number;
  /** The next N API calls answer HTTP 200 with a body that is not JSON. */
  nonJsonNext: number;
  /** The next N API calls get their connection destroyed without any answer (a dropped connection). */
  dropConnectionNext: number;
  /** The next N API calls answer body code 429, whatever the rate limiter says. */
  force429Next: number;
  /** Delay before every API answer, in ms. */
  responseDelayMs: number;
  /** Per-connection bandwidth cap on the CDN, bytes per second (0 = unlimited). */
  cdnBytesPerSecond: number;
  /** Per-connection cap on how fast the upload host reads request bodies, bytes per second (0 = unlimited). */
  uploadBytesPerSecond: number;
  /** Cut each CDN connection after this many body bytes (0 = never). */
  cdnCutAfterBytes: number;
  /** Cut only the next N CDN responses (0 with cdnCutAfterBytes > 0 = every response). */
  cdnCutNext: number;
  /** Lifetime of download URLs, in seconds. */
  downloadUrlLifetimeSec: number;
  /** `upload_complete` answers "not yet" this many times before completing. */
  completePolls: number;
  /** `download_info` answers 20103 this many times for a file after its upload finished. */
  downloadInfo20103Polls: number;
  /** `download_info` answers 5113 (daily download traffic used up). */
  trafficExhausted: boolean;
  /** Total quota in bytes (`spacePermanent`). */
  quotaBytes: number;
  /** Pre-upload session lifetime in seconds; an expired `preuploadID` is unknown. */
  uploadSessionLifetimeSec: number;
  /** Per-endpoint rate limits on (free table, or VIP table for a VIP user). */
  rateLimits: boolean;
  /** Search results only show files created more than this many ms ago (search-index lag). */
  searchLagMs: number;
  /** Length of the rate limiter's "one second" window in ms (1000 = real; tests may change it). */
  rateWindowMs: number;
  /** An async copy task stays "pending" this long, then "running" for `asyncCopyRunMs` (emulator clock). */
  asyncCopyPendingMs: number;
  asyncCopyRunMs: number;
  /** A failed offline fetch is tried again this many times ("retrying" in between). */
  offlineRetries: number;
  /** Pause before an offline retry, ms on the emulator's clock. */
  offlineRetryDelayMs: number;
}

export interface FakePanOptions {
  /** API port; 0 picks a free one. The upload host and the CDN get their own ports. */
  port?: number;
  uploadPort?: number;
  cdnPort?: number;
  /** Interface to bind; loopback by default. */
  host?: string;
  /** Keep content and state here so they survive a restart; a temp dir (deleted on close) otherwise. */
  dataDir?: string;
  /** 'demo' builds the deterministic demo drive (only when the drive is empty). */
  seed?: 'demo' | 'none';
  /** The user is VIP: `vipInfo` filled in and the VIP rate table applies. */
  vip?: boolean;
  /** Developer credentials accepted by `access_token`; random when omitted. */
  clientId?: string;
  clientSecret?: string;
  switches?: Partial<Switches>;
  faults?: Partial<Faults>;
  /** Time, injectable for tests (the contract's manual clock); the system clock by default. */
  clock?: Clock;
  /**
   * Direct-link URL authentication (§8.3): with a key, every direct-link request needs a valid
   * `auth_key`. Changeable at run time (`FakePan.cloud.directLinks.setPrivateKey`, `POST /__fake/direct-link`).
   */
  directLinkPrivateKey?: string;
  /**
   * Serve the `/__fake/*` control endpoint (default true). The app's embedded demo drive turns
   * it off, so nothing else on the computer can change faults or read state through it.
   */
  controlRoutes?: boolean;
}

export const DEFAULT_SWITCHES: Switches = {
  requirePlatformHeader: true,
  listLimitOver100: 'clamp',
  trashedBlocksNames: false,
  trashCountsTowardsQuota: true,
  keepBothSuffix: '{name}({n}){ext}',
  overwriteKeepsId: false,
  rejectSliceMd5Mismatch: true,
  enforceSliceSize: true,
  sliceSize: 16 * 1024 * 1024,
  largeFileThreshold: 0,
  largeSliceSize: 32 * 1024 * 1024,
  infosListKey: 'both',
  renameManyResponse: 'null',
  completeNotYetStyle: 'completed_false',
  cdnRedirect: false,
  cdnForbiddenBody: 'json1010',
  refuseMoveIntoSelf: true,
  allowZeroByteUpload: true,
  quotaExceededMessage: '网盘空间不足,请清理空间或升级会员',
  shareNameForbiddenChars: '"\\/:*?|><',
  shareNoExpiryTime: '2099-12-31 23:59:59',
  directLinkNeedsVip: true,
  directLinkAuthPath: 'decoded',
  offlineStatusCodes: '0running-1failed-2success-3retrying',
  offlineFileNameNeedsImageExt: false,
  offlineWithoutDir: 'default_folder',
  offlineDefaultFolderName: '来自:离线下载',
  copyResultKey: 'targetFileId',
  copyNameClash: 'keep_both',
  copyOneAvailable: true,
};

export const DEFAULT_FAULTS: Faults = {
  tokenLifetimeSec: 30 * 24 * 3600,
  oauthTokenLifetimeSec: 7200,
  force401Next: 0,
  rawHttpErrorNext: 0,
  rawHttpErrorStatus: 503,
  nonJsonNext: 0,
  dropConnectionNext: 0,
  force429Next: 0,
  responseDelayMs: 0,
  cdnBytesPerSecond: 0,
  uploadBytesPerSecond: 0,
  cdnCutAfterBytes: 0,
  cdnCutNext: 0,
  downloadUrlLifetimeSec: 30 * 60,
  completePolls: 1,
  downloadInfo20103Polls: 0,
  trafficExhausted: false,
  quotaBytes: 2 * 1024 ** 4,
  uploadSessionLifetimeSec: 24 * 3600,
  rateLimits: true,
  searchLagMs: 0,
  rateWindowMs: 1000,
  asyncCopyPendingMs: 0,
  asyncCopyRunMs: 0,
  offlineRetries: 0,
  offlineRetryDelayMs: 1000,
};

import type { ErrorFacts } from './errors';

/**
 * Plain data types of transfers that cross the IPC boundary. Self-contained on purpose:
 * the engine (packages/transfer) produces them, the back end forwards them, the UI mirrors them.
 * Every value here is JSON-safe; sizes and byte counts are in bytes, times are epoch milliseconds.
 */

export type TransferDirection = 'upload' | 'download';

/** A file item moves bytes; a folder item walks a folder and enqueues its children as found. */
export type TransferKind = 'file' | 'folder';

/**
 * Life cycle. `queued` → `running` → `completed` | `failed` | `skipped`; `paused` and
 * `cancelled` come from the user or (for `paused` with reason `auth_required`) from lost auth.
 */
export type TransferState =
  'queued' | 'running' | 'paused' | 'completed' | 'failed' | 'cancelled' | 'skipped';

export const TRANSFER_STATES: readonly TransferState[] = [
  'queued',
  'running',
  'paused',
  'completed',
  'failed',
  'cancelled',
  'skipped',
];

/** What to do when the target name already exists; chosen once per batch. */
export type ConflictPolicy = 'keep_both' | 'overwrite' | 'skip';

/** What a running item is doing right now (null when not running). */
export type TransferPhase =
  | 'scanning'
  | 'hashing'
  | 'creating'
  | 'uploading'
  | 'completing'
  | 'downloading'
  | 'verifying'
  | 'waiting_network';

/** Why a paused item is paused. */
export type PauseReason = 'user' | 'auth_required';

/**
 * Closed set of kinds of failure (or of waiting) of an item; the specific cause, which the
 * renderer words, is the error's `reason` (see error-reasons.ts).
 */
export type TransferErrorCode =
  | 'auth_required'
  | 'network'
  | 'rate_limited'
  | 'not_found'
  | 'name_conflict'
  | 'quota'
  | 'disk_full'
  | 'permission_denied'
  | 'read_only'
  | 'io'
  | 'changed_while_uploading'
  | 'checksum_mismatch'
  | 'unsafe_path'
  | 'remote'
  | 'unknown';

/**
 * Why an item failed or waits. Journaled with its reason and params, so a failure stored in
 * one language is worded in the current one. Never contains a token, secret or signed URL.
 */
export interface TransferError extends ErrorFacts {
  readonly code: TransferErrorCode;
  /** English, for logs; the renderer words the error from code, reason and params. */
  readonly message: string;
  /** True when Retry may work without the user changing anything outside PanDesk. */
  readonly retryable: boolean;
}

/** One frozen snapshot of an item in the queue. */
export interface TransferItem {
  readonly id: string;
  readonly batchId: string;
  /** The folder item that enqueued this one; null for items the user added. */
  readonly parentItemId: string | null;
  readonly direction: TransferDirection;
  readonly kind: TransferKind;
  /** Display name (remote name for uploads, the local name once chosen for downloads). */
  readonly name: string;
  /** Upload: source path. Download: destination path (final file or folder). */
  readonly localPath: string;
  /** Upload: remote folder receiving it. Download: remote folder it comes from (or null). */
  readonly remoteParentId: number | null;
  /** Upload: the new file id once done. Download: the source file or folder id. */
  readonly remoteFileId: number | null;
  /** Total bytes (0 for folders and for files not yet inspected). */
  readonly size: number;
  readonly bytesDone: number;
  readonly state: TransferState;
  readonly phase: TransferPhase | null;
  readonly pauseReason: PauseReason | null;
  /** Set for failed items, and for running items waiting on the network. */
  readonly error: TransferError | null;
  readonly conflict: ConflictPolicy;
  /** Higher runs first; "move to top" raises it. */
  readonly priority: number;
  /** Bytes per second, smoothed; 0 when not running. */
  readonly speedBps: number;
  /** Seconds left at the current speed, null when unknown. */
  readonly etaSeconds: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly finishedAt: number | null;
}

export interface TransferDirectionSummary {
  readonly running: number;
  readonly queued: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly speedBps: number;
}

/** Counts over the whole queue, cheap to render even for 100,000 items. */
export interface TransferSummary {
  readonly total: number;
  readonly byState: Readonly<Record<TransferState, number>>;
  readonly upload: TransferDirectionSummary;
  readonly download: TransferDirectionSummary;
  readonly authBlocked: boolean;
  readonly limits: TransferLimits;
}

/**
 * A throttled, batched push: the summary, the items changed since the last push (at most a
 * page), and `resync` when more changed than fit, so the listener re-reads the pages it shows.
 */
export interface TransferSnapshot {
  readonly seq: number;
  readonly summary: TransferSummary;
  readonly changed: readonly TransferItem[];
  readonly removed: readonly string[];
  readonly resync: boolean;
}

export interface TransferPageQuery {
  readonly offset: number;
  /** At most 1000. */
  readonly limit: number;
  readonly states?: readonly TransferState[];
  readonly direction?: TransferDirection;
  /**
   * `queue` (default): priority, then the order enqueued. `recent`: the most recently finished
   * first, then the most recently changed (for views of finished items).
   */
  readonly order?: TransferOrder;
}

export type TransferOrder = 'queue' | 'recent';

export interface TransferPage {
  readonly total: number;
  readonly offset: number;
  readonly items: readonly TransferItem[];
}

/** Live-changeable limits. Speeds in bytes per second, 0 = unlimited. */
export interface TransferLimits {
  readonly uploadFiles: number;
  readonly downloadFiles: number;
  readonly slicesPerFile: number;
  readonly segmentsPerFile: number;
  readonly uploadBytesPerSecond: number;
  readonly downloadBytesPerSecond: number;
}

/** Upload local files and folders (paths on the host) into a remote folder. */
export interface UploadCommand {
  /** Optional caller-chosen id; enqueueing the same batch id twice is a no-op. */
  readonly batchId?: string;
  readonly localPaths: readonly string[];
  readonly remoteParentId: number;
  readonly conflict: ConflictPolicy;
}

/** A remote entry to download, as the listing shows it. */
export interface DownloadSource {
  readonly fileId: number;
  readonly name: string;
  readonly type: 'file' | 'folder';
  /**
   * For files: size in bytes and MD5 (listing `etag`), used to verify. When absent the engine
   * looks them up before downloading.
   */
  readonly size?: number;
  readonly etag?: string;
}

export interface DownloadCommand {
  readonly batchId?: string;
  readonly sources: readonly DownloadSource[];
  /** Existing local folder receiving the items. */
  readonly localDir: string;
  readonly conflict: ConflictPolicy;
}

/**
 * What a running job may touch: its journaled item, the backend, the local file system, the
 * direction's speed limiter, the clock, and an abort signal (pause, cancel, shutdown).
 */
import type { TransferLimits, TransferPhase } from '@pandesk/contract';
import type { Journal, NewItem } from './journal/journal';
import type { ItemPatch, JournalItem } from './journal/records';
import type { LocalFs } from './local-fs';
import type { Clock, DriveBackend, FetchLike } from './ports';
import type { FileHasher } from './util/hash-workers';
import type { RateLimiter } from './util/rate-limiter';

export interface EngineTuning {
  /** Download segment size in bytes (several MB; the last segment may be shorter). */
  segmentSize: number;
  /** Delay between upload_complete polls, ms. */
  completePollMs: number;
  /** Polls before giving up on completion. */
  completePollBudget: number;
  /** Base and cap of retry backoff, ms. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Download URLs are renewed this long before their `t` expiry, ms. */
  urlExpiryMarginMs: number;
  /**
   * Finished download segments are journaled at least this often, ms, and whenever this many
   * bytes of them piled up (whichever comes first), so a crash loses about this much transfer.
   */
  journalIntervalMs: number;
  journalBatchBytes: number;
  /** Files up to this size (and above 0) are uploaded in one request (single step), not sliced. */
  singleUploadMaxBytes: number;
  /** A download connection on which nothing arrives for this long is dropped and retried, ms (0 = never). */
  stallTimeoutMs: number;
}

export interface JobContext {
  readonly item: JournalItem;
  readonly journal: Journal;
  readonly backend: DriveBackend;
  readonly fs: LocalFs;
  readonly fetch: FetchLike;
  /** MD5 of local files and ranges, off the main thread. */
  readonly hasher: FileHasher;
  readonly clock: Clock;
  /** Jitter source in [0, 1). */
  readonly random: () => number;
  readonly signal: AbortSignal;
  readonly limiter: RateLimiter;
  readonly tuning: EngineTuning;
  limits(): TransferLimits;
  /** Journals the patch (committed before returning) and publishes the change. */
  update(patch: ItemPatch): void;
  /**
   * In-memory progress, published with the next snapshot; not journaled. The shown progress
   * never goes backwards: bytes sent again count for speed but wait below the highest point.
   */
  progress(bytesDone: number): void;
  /** The job starts over from `bytesDone` (partial data dropped): the shown progress follows. */
  restartProgress(bytesDone: number): void;
  setPhase(phase: TransferPhase | null): void;
  /** Adds items found while walking a folder; already-known ones (same dedupKey) are ignored. */
  enqueue(items: readonly NewItem[]): void;
}

/** A job's happy ending; failures are thrown. */
export interface JobOutcome {
  state: 'completed' | 'skipped';
  patch?: ItemPatch;
}

export type Job = (ctx: JobContext) => Promise<JobOutcome>;

/** The cloud file is no longer the one the download started with (its size or MD5 changed). */
export class RemoteChangedError extends Error {
  constructor() {
    super('The file changed in the cloud during the download. Retry to download its current version.');
    this.name = 'RemoteChangedError';
  }
}

/** Raised when the local file changed (size or mtime) while it was being uploaded. */
export class FileChangedError extends Error {
  constructor() {
    super('The file changed while it was being uploaded. Retry to upload its new content.');
    this.name = 'FileChangedError';
  }
}

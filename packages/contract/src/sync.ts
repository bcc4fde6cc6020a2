/**
 * Sync pairs: a local folder kept in step with a cloud folder, by the back end, with or without
 * a window. Plain JSON-safe data; times are epoch milliseconds, sizes in bytes.
 */
import type { FileId } from './common';
import type { ErrorReason } from './error-reasons';
import type { ErrorCode, ErrorParams } from './errors';

/**
 * - `backup`: local → cloud. New and changed local files are uploaded; local deletions are
 *   ignored or mirrored to the cloud recycle bin (`deletions`). Cloud-only files are left alone.
 * - `mirror_down`: cloud → local. Remote deletions move local files to the trash.
 * - `two_way`: changes on either side are replayed on the other; conflicts keep both versions.
 */
export type SyncMode = 'backup' | 'mirror_down' | 'two_way';

export const SYNC_MODES: readonly SyncMode[] = ['backup', 'mirror_down', 'two_way'];

/** Backup only: what a local deletion does in the cloud (never a deletion for good). */
export type SyncDeletions = 'ignore' | 'recycle';

/**
 * When a pair runs.
 * - `continuous`: local changes are watched (a run a few seconds after they settle), and the
 *   whole pair is scanned every `minutes` to see cloud changes and what the watcher missed.
 * - `interval`: every `minutes`.
 * - `window`: every `minutes`, only between `start` and `end` (local time, `HH:MM`; a window
 *   whose end is before its start runs over midnight).
 */
export type SyncSchedule =
  | { readonly kind: 'continuous'; readonly minutes: number }
  | { readonly kind: 'interval'; readonly minutes: number }
  | { readonly kind: 'window'; readonly start: string; readonly end: string; readonly minutes: number };

export interface SyncPairConfig {
  /** Absolute folder on the computer running the back end. */
  readonly localPath: string;
  readonly remoteFolderId: FileId;
  /** The cloud folder's path as the user picked it, for display ("/Backups/Photos"). */
  readonly remotePath: string;
  readonly mode: SyncMode;
  readonly deletions: SyncDeletions;
  readonly schedule: SyncSchedule;
  /**
   * A run that would move to the trash or replace more items than this waits for the user to
   * confirm its plan (the first run of a pair always does).
   */
  readonly confirmAbove: number;
}

/** What a pair is doing now. */
export type SyncPairState =
  | 'idle'
  | 'scanning'
  | 'awaiting_confirmation'
  | 'running'
  /** Waits for sign-in or the network; runs again by itself once they are back. */
  | 'waiting'
  | 'paused';

/**
 * A problem a pair or one of its items ran into. The renderer words it from `reason` and
 * `params` (else from `code`) in the user's language; `message` is English, for logs.
 */
export interface SyncProblem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly reason?: ErrorReason;
  /** Values the reason's words need (`path`, `other`...). */
  readonly params?: ErrorParams;
  /** The service's own words when it refused (shown as they are, in its language). */
  readonly serviceMessage?: string;
  /** The item concerned, relative to the pair's folders ('/'-separated); absent for the pair. */
  readonly path?: string;
}

export type SyncActionKind =
  | 'upload'
  | 'download'
  | 'mkdir_remote'
  | 'mkdir_local'
  | 'move_remote'
  | 'move_local'
  | 'trash_remote'
  | 'trash_local'
  | 'conflict';

export const SYNC_ACTION_KINDS: readonly SyncActionKind[] = [
  'upload',
  'download',
  'mkdir_remote',
  'mkdir_local',
  'move_remote',
  'move_local',
  'trash_remote',
  'trash_local',
  'conflict',
];

/** What a plan does, counted. Renames stay in one folder; moves change folder. */
export interface SyncCounts {
  readonly uploads: number;
  readonly downloads: number;
  readonly folders: number;
  readonly renames: number;
  readonly moves: number;
  readonly trashLocal: number;
  readonly trashRemote: number;
  readonly conflicts: number;
  /** Uploads and downloads that put an earlier version in the trash / recycle bin. */
  readonly replaced: number;
  readonly bytesUp: number;
  readonly bytesDown: number;
}

/** A plan that does nothing. */
export const EMPTY_SYNC_COUNTS: SyncCounts = Object.freeze({
  uploads: 0,
  downloads: 0,
  folders: 0,
  renames: 0,
  moves: 0,
  trashLocal: 0,
  trashRemote: 0,
  conflicts: 0,
  replaced: 0,
  bytesUp: 0,
  bytesDown: 0,
});

export type SyncActionState = 'pending' | 'done' | 'failed' | 'skipped';

/** One step of a plan, as shown to the user. */
export interface SyncAction {
  readonly kind: SyncActionKind;
  /** Relative path ('/'-separated): the item acted on; for moves, where it was. */
  readonly path: string;
  /** Moves: where it goes. Conflicts: the name the local version is kept under. */
  readonly toPath?: string;
  readonly size: number;
  /** True for uploads and downloads that replace an earlier version (kept in the trash / bin). */
  readonly replaces: boolean;
  readonly state: SyncActionState;
  /** Why a failed or skipped step was not done. */
  readonly error?: SyncProblem;
}

/** Why a plan waits for the user. */
export type SyncPlanReason = 'first_run' | 'above_threshold';

export interface SyncPlanView {
  readonly pairId: string;
  readonly planId: string;
  readonly createdAt: number;
  readonly counts: SyncCounts;
  /** The first actions (at most `MAX_PLAN_ACTIONS_SHOWN`); `totalActions` counts them all. */
  readonly actions: readonly SyncAction[];
  readonly totalActions: number;
  /** Set when the plan waits for confirmation; null for a dry run. */
  readonly reason: SyncPlanReason | null;
  /** Items left out of the plan, with the reason (names the service refuses, links...). */
  readonly problems: readonly SyncProblem[];
  /** What the cloud scan of this plan cost. */
  readonly scan: SyncScanCost;
}

/** Listing calls a cloud scan needed, and the least time the service's rate allows for them. */
export interface SyncScanCost {
  readonly folders: number;
  readonly listCalls: number;
  /** listCalls divided by the listing rate of the account (free: 5 per second). */
  readonly minSeconds: number;
}

export type SyncRunOutcome = 'completed' | 'partial' | 'failed' | 'cancelled';

/** One run of a pair, for its history. */
export interface SyncRunView {
  readonly id: string;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly outcome: SyncRunOutcome | null;
  readonly counts: SyncCounts;
  readonly failedActions: number;
  readonly error: SyncProblem | null;
}

export interface SyncPairView {
  readonly id: string;
  readonly config: SyncPairConfig;
  readonly paused: boolean;
  readonly state: SyncPairState;
  /** Actions done and planned in the running run. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly lastRun: SyncRunView | null;
  readonly nextRunAt: number | null;
  /** Why the pair is waiting or why its last run failed. */
  readonly problem: SyncProblem | null;
  /** Items the last scan left out (names the service refuses...), first few. */
  readonly itemProblems: readonly SyncProblem[];
  readonly openConflicts: number;
  /** Cost of the last cloud scan, or an estimate before the first one. */
  readonly scan: SyncScanCost | null;
  /** A plan waiting for confirmation. */
  readonly pendingPlanId: string | null;
}

/** Both versions of a file were changed: the cloud's kept the name, the local one is a copy. */
export interface SyncConflict {
  readonly id: string;
  readonly path: string;
  /** Where the local version is kept, on both sides. */
  readonly copyPath: string;
  readonly detectedAt: number;
}

/**
 * - `keep_both`: leaves both files and forgets the conflict.
 * - `keep_local`: the local version takes the name again; the cloud's goes to the trash / bin.
 * - `keep_cloud`: the copy (the local version) goes to the trash / bin on both sides.
 */
export type SyncConflictChoice = 'keep_both' | 'keep_local' | 'keep_cloud';

export const SYNC_CONFLICT_CHOICES: readonly SyncConflictChoice[] = ['keep_both', 'keep_local', 'keep_cloud'];

/** Most actions a plan view carries; the rest are counted. */
export const MAX_PLAN_ACTIONS_SHOWN = 500;

/** Most runs a pair's history keeps. */
export const SYNC_HISTORY_LENGTH = 50;

export type AddSyncPairInput = SyncPairConfig;

export interface UpdateSyncPairInput {
  readonly id: string;
  readonly mode?: SyncMode;
  readonly deletions?: SyncDeletions;
  readonly schedule?: SyncSchedule;
  readonly confirmAbove?: number;
  readonly paused?: boolean;
}

export interface SyncPairRef {
  readonly id: string;
}

export interface ConfirmSyncPlanInput {
  readonly id: string;
  readonly planId: string;
  /** false discards the plan (the next scheduled run plans again). */
  readonly accept: boolean;
}

export interface ResolveSyncConflictInput {
  readonly id: string;
  readonly conflictId: string;
  readonly choice: SyncConflictChoice;
}

export interface PauseAllSyncInput {
  readonly paused: boolean;
}

/** `sync:changed`: every pair as it is now (a handful of pairs, so the whole list). */
export interface SyncChange {
  readonly pairs: readonly SyncPairView[];
}

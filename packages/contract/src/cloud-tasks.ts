import type { FileId } from './common';
import type { ApiError } from './errors';
import type { ConflictPolicy } from './transfers';

/**
 * Work the service does by itself, followed by the back end: cloud (offline) downloads, where
 * the service fetches a URL into a folder (reference §9), and copies inside the drive (§5.5).
 * They are listed next to the transfers, as their own kind, and the recent ones survive a
 * restart. Times are epoch milliseconds.
 */

export type CloudTaskKind = 'cloud_download' | 'copy';

/** `running` until the service says it is done or failed (or PanDesk stopped following it). */
export type CloudTaskState = 'running' | 'completed' | 'failed';

/**
 * What a running task is doing: a cloud download is `fetching` (or `retrying`, as the service
 * says); a copy is `copying` (the service's task) then `placing` (PanDesk renames, replaces or
 * moves copies that met a name already taken in the target).
 */
export type CloudTaskPhase = 'fetching' | 'retrying' | 'copying' | 'placing';

export interface CopyCounts {
  /** Items the user asked to copy. */
  readonly total: number;
  readonly copied: number;
  /** Left out because their name was taken and the policy was `skip`. */
  readonly skipped: number;
  readonly failed: number;
}

export interface CloudTask {
  readonly id: string;
  readonly kind: CloudTaskKind;
  readonly state: CloudTaskState;
  readonly phase: CloudTaskPhase | null;
  /** A cloud download's file name (from its URL) or the first copied item's name. */
  readonly title: string;
  /** The URL a cloud download fetches; `null` for a copy. */
  readonly url: string | null;
  /** Where the result goes (`0`: the service's own folder for cloud downloads into the drive root). */
  readonly targetFolderId: FileId;
  /** 0..100 as the service reports it; `null` when the service gives no percentage (copies). */
  readonly percent: number | null;
  /** Copies only. */
  readonly counts: CopyCounts | null;
  /**
   * Why it failed, or what went wrong with part of a copy: errors with their reason and params
   * (worded by the renderer in the user's language) and the service's own words in `detail`.
   * Empty when nothing went wrong.
   */
  readonly problems: readonly ApiError[];
  /** The service's own status number, for diagnostics; `null` when it gave none. */
  readonly serviceStatus: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The `cloud:changed` event: the whole recent list, newest first (it is short). */
export interface CloudTasksSnapshot {
  readonly tasks: readonly CloudTask[];
}

/** Recent tasks kept (finished ones are dropped first, oldest first). */
export const MAX_CLOUD_TASKS = 50;
/** URLs one cloud-download call may carry. */
export const MAX_CLOUD_DOWNLOAD_URLS = 100;
/** Longest URL accepted. */
export const MAX_CLOUD_URL_LENGTH = 4096;

/** Only http and https addresses can be fetched by the service (§9). */
export function isCloudDownloadUrl(text: string): boolean {
  if (text.length > MAX_CLOUD_URL_LENGTH) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/*
 * Inputs; their schemas are in `server/schemas/cloud.ts`.
 */

export interface CloudDownloadInput {
  /** 1 to 100 http(s) URLs; each becomes one task. */
  readonly urls: readonly string[];
  /** `0` (the drive root): the service puts the files into its own folder under the root. */
  readonly folderId: FileId;
}

export interface CopyInput {
  readonly ids: readonly FileId[];
  readonly targetFolderId: FileId;
  /** For items whose name is already taken in the target. */
  readonly conflict: ConflictPolicy;
}

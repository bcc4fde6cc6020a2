/** Messages between the hashing workers (`hash-workers.ts`) and their thread (`hash-thread.ts`). */

/** A new hash of bytes [start, end) of a file (`end` null: to its end). */
export interface HashStart {
  readonly id: number;
  readonly path: string;
  readonly start: number;
  readonly end: number | null;
  /** False while the file grows (ordered hashing): the thread waits at `end` for more. */
  readonly final: boolean;
  /**
   * When set, the MD5 of every `sliceSize` bytes from `start` (the last one shorter) is
   * computed in the same read as the whole range's, for the upload's slices.
   */
  readonly sliceSize?: number;
}

/** A growing file is complete up to `end` (and final when `final`). */
export interface HashAdvance {
  readonly advance: number;
  readonly end: number;
  readonly final: boolean;
}

/** The caller stopped waiting for hash `cancel`. */
export interface HashCancel {
  readonly cancel: number;
}

export type HashRequest = HashStart | HashAdvance | HashCancel;

export interface HashReply {
  readonly id: number;
  /** MD5 of the whole range, lowercase hex. */
  readonly digest?: string;
  /** MD5 of each slice, in order (only when the request named a slice size). */
  readonly slices?: readonly string[];
  readonly error?: string;
  readonly code?: string;
  readonly cancelled?: boolean;
}

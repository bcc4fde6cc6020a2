import type { ConflictPolicy } from './transfers';

/** Inputs and limits of the transfers domain beyond the engine's own data types (`transfers.ts`). */

export const CONFLICT_POLICIES = [
  'keep_both',
  'overwrite',
  'skip',
] as const satisfies readonly ConflictPolicy[];

/** Most local paths one upload call may carry (a drop of a whole desktop fits; folders count once). */
export const MAX_UPLOAD_PATHS = 10_000;

/** Most transfer ids one action may name; omit `ids` to act on every item. */
export const MAX_TRANSFER_IDS = 100_000;

/** Largest page of transfer items one call returns. */
export const MAX_TRANSFER_PAGE = 1000;

/** pause / resume / cancel / retry: `ids` omitted means every item the action applies to. */
export interface TransferSelection {
  readonly ids?: readonly string[];
}

export interface MoveToTopInput {
  readonly ids: readonly string[];
}

/** What an enqueue call answers: the batch id, so the UI can follow or name the batch. */
export interface EnqueuedBatch {
  readonly batchId: string;
}

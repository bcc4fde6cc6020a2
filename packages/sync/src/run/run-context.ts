/** What the steps of one run may reach. */
import type { LocalTrash, SyncRemote, SyncTransfers } from '../ports';
import type { PairRecord } from '../store/pair-store';
import type { SyncStore } from '../store/sync-store';

export interface RunContext {
  readonly pair: PairRecord;
  /** The pair's local folder. */
  readonly root: string;
  readonly runId: string;
  readonly store: SyncStore;
  readonly remote: SyncRemote;
  readonly transfers: SyncTransfers;
  readonly trash: LocalTrash;
  readonly signal: AbortSignal;
  now(): number;
  /** A step finished (for progress in the pair's view). */
  onProgress(): void;
}

/** The sync's storage, opened through the transfer journal's database of the drive. */
import type { JournalDatabase } from '@pandesk/transfer';
import type { BaseStore } from './base-store';
import { createBaseStore } from './base-store';
import type { PairStore } from './pair-store';
import { createPairStore } from './pair-store';
import type { RunStore } from './run-store';
import { createRunStore } from './run-store';
import { SYNC_COMPONENT, SYNC_MIGRATIONS } from './schema';

export interface SyncStore {
  readonly pairs: PairStore;
  readonly base: BaseStore;
  readonly runs: RunStore;
  /** Runs `fn` in one transaction, fsync'd (a step's effect on the base and its state together). */
  durably<T>(fn: () => T): T;
  transaction<T>(fn: () => T): T;
}

export function openSyncStore(db: JournalDatabase): SyncStore {
  db.openTables(SYNC_COMPONENT, SYNC_MIGRATIONS);
  return {
    pairs: createPairStore(db),
    base: createBaseStore(db),
    runs: createRunStore(db),
    durably: (fn) => db.durably(fn),
    transaction: (fn) => db.transaction(fn),
  };
}

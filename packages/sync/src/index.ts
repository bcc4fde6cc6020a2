export type {
  BaseEntry,
  BaseTree,
  EntryKind,
  LocalEntry,
  LocalTree,
  RemoteItem,
  RemoteTree,
  ScanProblem,
} from './model';
export type {
  LocalTrash,
  RemoteChild,
  RemoteFailureKind,
  RemoteWhere,
  SyncRemote,
  SyncTransfers,
} from './ports';
export { SyncRemoteError } from './ports';
export { conflictPath } from './conflict-name';
export { scanLocal } from './scan/local-scan';
export { scanRemote } from './scan/remote-scan';
export { md5File } from './scan/hash-file';
export { planSync } from './plan/planner';
export type { Plan, PlanInput } from './plan/planner';
export type { PlanAction } from './plan/actions';
export { countActions } from './plan/actions';
export { openSyncStore } from './store/sync-store';
export type { SyncStore } from './store/sync-store';
export type { PairRecord } from './store/pair-store';
export type { RunRecord } from './store/run-store';
export { runPair, finishRun } from './run/pair-run';
export type { RunDeps, RunHooks, RunResult } from './run/pair-run';
export { planPair } from './run/plan-pair';
export { createFolderTrash, createSystemTrash } from './local/local-trash';
export { createSyncService } from './service/sync-service';
export type { SyncService, SyncServiceOptions } from './service/sync-service';
export { SyncUserError } from './service/user-error';
export { watchFolder } from './local/watch';
export type { Watcher } from './local/watch';
export { syncProblem } from './run/problem';

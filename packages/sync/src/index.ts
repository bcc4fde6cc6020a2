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

export { createDriveBackend } from './drive-backend';
export { factsOf, toDriveError } from './errors';
export { createSyncRemote, toSyncRemoteError } from './sync-remote';
export type { SyncRemoteHooks } from './sync-remote';

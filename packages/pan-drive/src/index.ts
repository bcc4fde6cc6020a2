export { createDriveBackend } from './drive-backend';
export { createSyncRemote, toSyncRemoteError } from './sync-remote';
export type { SyncRemoteHooks } from './sync-remote';

export { createDriveBackend } from './drive-backend';
export { factsOf, toDriveError } from './errors';

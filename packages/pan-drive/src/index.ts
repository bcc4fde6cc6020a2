export { createDriveBackend } from './drive-backend';

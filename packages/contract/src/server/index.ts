/**
 * `@pandesk/contract/server`: what the answering side needs (the Electron main process, the
 * back end, the web host, tests): every call's input schema and example, validation, the
 * dispatcher and `serveApi`. Never imported by the renderer or the preload.
 */
export * from './input-spec';
export * from './api-inputs';
export * from './validation';
export * from './dispatch';
export * from './serve';
export * from './schemas/common';
export * from './schemas/names';
export * from './schemas/settings';
export { conflictPolicySchema } from './schemas/transfers';

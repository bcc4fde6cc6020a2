/**
 * `@pandesk/contract`: the boundary's types, names and client side, with no schema library, so
 * the renderer and the preload can import it whole. The answering side (input schemas,
 * validation, dispatcher) is `@pandesk/contract/server`; test aids are `@pandesk/contract/testing`.
 */
export * from './transfers';
export * from './errors';
export * from './error-reasons';
export * from './names';
export * from './clock';
export * from './common';
export * from './files';
export * from './auth';
export * from './settings';
export * from './places';
export * from './app-info';
export * from './open-files';
export * from './thumbnails';
export * from './transfer-inputs';
export * from './shares';
export * from './direct-links';
export * from './cloud-tasks';
export * from './sync';
export * from './sync-reasons';
export * from './api';
export * from './events';
export * from './event-hub';
export * from './channels';
export * from './rpc';

/** `@pandesk/contract/testing`: aids for tests of any binding; never part of a shipped bundle. */
export * from './example-inputs';
export * from './recording-handlers';
export * from './manual-clock';

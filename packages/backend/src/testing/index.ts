export { createMemorySettingsStore, createMemorySecretVault } from './memory-ports';
export { refusingUrl, startSilentServer } from './silent-server';
export type { SilentServer } from './silent-server';
export type { MemorySettingsStore, MemorySecretVault, MemorySecretVaultOptions } from './memory-ports';

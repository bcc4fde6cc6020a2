export { createMemorySettingsStore, createMemorySecretVault } from './memory-ports';
export type { MemorySettingsStore, MemorySecretVault, MemorySecretVaultOptions } from './memory-ports';

export { createBackend } from './backend';
export type { Backend } from './backend-types';
export type {
  BackendPaths,
  BackendPorts,
  BackendTuning,
  Clock,
  LocalFs,
  PlatformHooks,
  SecretVault,
  SettingsDocument,
  SettingsStore,
} from './ports';
export type { SignInTiming } from './auth/sign-in-timing';
export type { LocalPathPolicy } from './transfers/local-path-guard';
export { createMemorySecretVault, createMemorySettingsStore } from './testing';
export type { MemorySecretVault, MemorySecretVaultOptions, MemorySettingsStore } from './testing';
export * from './preview';
export { createExpiringTokens } from './tokens/expiring-tokens';
export type { ExpiringToken, ExpiringTokens } from './tokens/expiring-tokens';

/**
 * @pandesk/web: the browser host. `startWebApp` runs the back end on file-backed stores behind
 * `startWebHost` (loopback HTTP + WebSocket); the CLI is `src/server/main.ts` (`pnpm start:web`).
 * The page's own code lives in `src/client/` and is bundled by Vite, never imported from here.
 */
export { startWebHost } from './server/web-host';
export type { WebHost, WebHostOptions, WebPageConfig } from './server/web-host';
export { startWebApp } from './server/start-web-app';
export type { WebApp, WebAppOptions } from './server/start-web-app';
export { parseWebCliArgs, readEnvCredentials, USAGE } from './server/cli-args';
export type { EnvCredentials, WebCliOptions } from './server/cli-args';
export { defaultUserDataDir, webHostPaths } from './server/app-paths';
export type { WebHostPaths } from './server/app-paths';
export { createFileSecretVault } from './server/stores/file-secret-vault';
export type { FileSecretVaultOptions } from './server/stores/file-secret-vault';
export { createJsonSettingsStore } from './server/stores/json-settings-store';
export { ensureUiBuilt, isUiBuildStale, buildUi } from './server/ui-build';
export type { DownloadLinkSource } from './server/routes/download-route';
export { SECRET_HEADER, WS_PROTOCOL, WS_SECRET_PREFIX } from './server/launch-secret';

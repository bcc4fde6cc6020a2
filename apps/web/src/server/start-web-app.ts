import { mkdir } from 'node:fs/promises';
import { createBackend } from '@pandesk/backend';
import type { Backend, BackendTuning } from '@pandesk/backend';
import { webHostPaths } from './app-paths';
import type { EnvCredentials } from './cli-args';
import { backendDownloadLinks } from './download-links';
import { createFileSecretVault } from './stores/file-secret-vault';
import { createJsonSettingsStore } from './stores/json-settings-store';
import { startWebHost } from './web-host';
import type { WebHost } from './web-host';

/**
 * The whole browser host: the back end on file-backed stores in the user-data folder, and the
 * loopback server in front of it. Never waits for the network: sign-in runs in the background
 * and the page shows `connecting` until it has an outcome. Used by `main.ts` (the CLI) and by
 * tests.
 */

export interface WebAppOptions {
  readonly userData: string;
  readonly staticDir: string;
  readonly port?: number;
  readonly downloadDir?: string;
  readonly apiBaseUrl?: string;
  readonly storeSecretsInFile?: boolean;
  /** Connect to this account at start (stored, then signed in to in the background). */
  readonly credentials?: EnvCredentials;
  readonly tuning?: BackendTuning;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface WebApp {
  readonly host: WebHost;
  readonly backend: Backend;
  /** Words for the console about the start (never a secret). */
  readonly notes: readonly string[];
  close(): Promise<void>;
}

export async function startWebApp(options: WebAppOptions): Promise<WebApp> {
  const paths = webHostPaths(options.userData, options.downloadDir);
  await mkdir(paths.userData, { recursive: true, mode: 0o700 });
  await mkdir(paths.downloads, { recursive: true });
  const backend = await createBackend({
    settingsStore: createJsonSettingsStore(paths.settingsFile),
    secretVault: createFileSecretVault(paths.secretsFile, {
      allowFileStorage: options.storeSecretsInFile ?? false,
    }),
    paths: {
      userData: paths.userData,
      logs: paths.logs,
      downloads: paths.downloads,
      desktop: paths.desktop,
      home: paths.home,
    },
    host: 'web',
    // The page only ever uploads what it staged and downloads into folders the user listed.
    localPaths: { uploadRoots: [paths.staging], downloadsIntoPlacesOnly: true },
    ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.tuning === undefined ? {} : { tuning: options.tuning }),
    ...(options.credentials === undefined
      ? {}
      : {
          initialConnection: {
            clientId: options.credentials.clientId,
            clientSecret: options.credentials.clientSecret,
          },
        }),
  });
  // The page is served at once: signing in runs in the background and the page shows its state.
  const notes: string[] = [...backend.notes];
  if (options.storeSecretsInFile)
    notes.push(`Secrets are kept UNENCRYPTED in ${paths.secretsFile} (readable only by you).`);
  else
    notes.push(
      'Secrets are not saved: they are used only until the host stops (start with --store-secrets-in-file to keep them, unencrypted, in a file).',
    );
  const status = await backend.api.auth.status();
  if (options.credentials !== undefined && status.ok && status.value.state === 'connecting')
    notes.push(`Signing in with client ID ${options.credentials.clientId} in the background.`);
  try {
    const host = await startWebHost({
      api: backend.api,
      events: backend.events,
      links: backendDownloadLinks(backend),
      fetch: backend.cdnFetch,
      staticRoot: options.staticDir,
      stagingRoot: paths.staging,
      ...(options.port === undefined ? {} : { port: options.port }),
      onError: (error, context) => backend.logError(error, context),
    });
    const close = async (): Promise<void> => {
      await host.close();
      await backend.close();
    };
    return { host, backend, notes, close };
  } catch (error) {
    await backend.close();
    throw error;
  }
}

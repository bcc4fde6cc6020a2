import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUserDataDir } from './app-paths';
import { parseWebCliArgs, readEnvCredentials, USAGE } from './cli-args';
import { startWebApp } from './start-web-app';
import { ensureUiBuilt } from './ui-build';

/**
 * `pnpm start:web`: builds the UI if needed, starts the back end (the demo drive until a real
 * account is connected) and the loopback host, and prints the one address to open. That
 * address carries the launch key: it is printed here and nowhere else.
 */

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const options = parseWebCliArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const staticDir = options.staticDir ?? join(webRoot, 'dist');
  if (options.build && options.staticDir === undefined && (await ensureUiBuilt(webRoot)))
    console.log('Built the PanDesk UI.');
  const credentials = readEnvCredentials(process.env);
  const app = await startWebApp({
    userData: options.userData ?? defaultUserDataDir(),
    staticDir,
    port: options.port,
    storeSecretsInFile: options.storeSecretsInFile,
    ...(options.downloadDir === undefined ? {} : { downloadDir: options.downloadDir }),
    ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
    ...(credentials === undefined ? {} : { credentials }),
    ...(options.fast ? { tuning: { rateLimits: false, retryBaseMs: 50 } } : {}),
  });
  for (const note of app.notes) console.log(note);
  console.log(`PanDesk is running. Open this address in your browser:\n  ${app.host.url}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `PanDesk web host could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

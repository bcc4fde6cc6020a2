import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUserDataDir } from './app-paths';
import { parseWebCliArgs, USAGE } from './cli-args';
import { startDevServer } from './dev-server';
import { startWebApp } from './start-web-app';
import { stopOnSignals } from './stop-on-signals';
import { webAppOptionsFrom } from './web-app-options';

/**
 * `pnpm dev`: the back end and the web host as `pnpm start:web` starts them (the demo drive
 * until an account is connected, or `--api-base-url` for a running fake-pan), and the UI from
 * its sources with hot reload. Edits under packages/ui or apps/web/src/client show at once;
 * edits to the back end need a restart.
 */

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const options = parseWebCliArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE.replace('pandesk-web', 'pandesk-web dev'));
    return;
  }
  const app = await startWebApp(
    webAppOptionsFrom(options, process.env, {
      userData: defaultUserDataDir(),
      staticDir: join(webRoot, 'dist'),
    }),
  );
  const dev = await startDevServer(app.host).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  for (const note of app.notes) console.log(note);
  console.log(`PanDesk (hot reload) is running. Open this address in your browser:\n  ${dev.url}`);
  stopOnSignals(() => Promise.all([dev.close(), app.close()]));
}

main().catch((error: unknown) => {
  console.error(
    `PanDesk dev server could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

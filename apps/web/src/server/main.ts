import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUserDataDir } from './app-paths';
import { parseWebCliArgs, USAGE } from './cli-args';
import { startWebApp } from './start-web-app';
import { stopOnSignals } from './stop-on-signals';
import { ensureUiBuilt } from './ui-build';
import { webAppOptionsFrom } from './web-app-options';

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
  if (options.build && options.staticDir === undefined && (await ensureUiBuilt(webRoot)))
    console.log('Built the PanDesk UI.');
  const app = await startWebApp(
    webAppOptionsFrom(options, process.env, {
      userData: defaultUserDataDir(),
      staticDir: join(webRoot, 'dist'),
    }),
  );
  for (const note of app.notes) console.log(note);
  console.log(`PanDesk is running. Open this address in your browser:\n  ${app.host.url}`);
  stopOnSignals(() => app.close());
}

main().catch((error: unknown) => {
  console.error(
    `PanDesk web host could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

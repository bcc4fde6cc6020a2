/**
 * `pnpm fake-pan [--port N] [--host ADDRESS] [--data-dir DIR] [--seed demo|none] [--vip]`
 *
 * Prints ONE JSON line first (baseUrl, uploadUrl, cdnUrl, clientId, clientSecret, oauth,
 * controlToken, dataDir; the control token goes in the `X-Fake-Pan-Control` header of every
 * `/__fake/*` call), then serves until SIGINT/SIGTERM and closes cleanly. With `--data-dir` the drive, tokens and
 * credentials persist, so a restarted emulator accepts the same client id and secret.
 */
import { startFakePan } from './index';
import { parseCliArgs } from './cli-args';

async function main(): Promise<void> {
  const pan = await startFakePan(parseCliArgs(process.argv.slice(2)));
  const banner = {
    baseUrl: pan.baseUrl,
    uploadUrl: pan.uploadUrl,
    cdnUrl: pan.cdnUrl,
    clientId: pan.clientId,
    clientSecret: pan.clientSecret,
    oauth: {
      clientId: pan.oauth.clientId,
      clientSecret: pan.oauth.clientSecret,
      redirectUri: pan.oauth.redirectUri,
    },
    controlToken: pan.controlToken,
    dataDir: pan.dataDir,
  };
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Flush synchronously first, so the drive is on disk even if the close is cut short.
    pan.context.state.flush();
    pan.context.tokens.flush();
    void pan.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify(banner)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-pan: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

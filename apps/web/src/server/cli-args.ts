/**
 * Command line of the web host (`pnpm start:web -- --port 8123`). Kept apart from `main.ts` so
 * tests can parse without starting anything. Secrets never come from the command line (other
 * users can read it): credentials come from the environment, see `readEnvCredentials`.
 */

export interface WebCliOptions {
  /** 0 = a free port. */
  readonly port: number;
  readonly userData?: string;
  readonly downloadDir?: string;
  /** The Open API base URL (tests point it at their fake-pan). */
  readonly apiBaseUrl?: string;
  /** Folder of the built UI (default `apps/web/dist`). */
  readonly staticDir?: string;
  /** Keep secrets in a 0600 file in the user-data folder (there is no OS keychain here). */
  readonly storeSecretsInFile: boolean;
  /** Client-side pacing off and fast retries, for a local fake-pan. */
  readonly fast: boolean;
  /** Build the UI first when it is missing or older than its sources. */
  readonly build: boolean;
}

export const USAGE = `Usage: pandesk-web [options]
  --port N                   listen on 127.0.0.1:N (default: a free port)
  --user-data DIR            settings, queue journal, demo drive (default: the OS app-data folder)
  --download-dir DIR         default download folder (default: ~/Downloads)
  --api-base-url URL         123pan Open API base URL (default: the real service)
  --static DIR               built UI folder (default: apps/web/dist)
  --store-secrets-in-file    keep client secret and tokens in <user-data>/secrets.json (mode 0600,
                             NOT encrypted); without it the host cannot save credentials
  --fast                     no client-side rate pacing (for a local fake-pan)
  --no-build                 do not build the UI even if it is missing or stale
Environment: PANDESK_CLIENT_ID and PANDESK_CLIENT_SECRET connect to that account at start
(needs --store-secrets-in-file).`;

export function parseWebCliArgs(argv: readonly string[]): WebCliOptions {
  let port = 0;
  const strings: { userData?: string; downloadDir?: string; apiBaseUrl?: string; staticDir?: string } = {};
  let storeSecretsInFile = false;
  let fast = false;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--port') port = Number(value());
    else if (arg === '--user-data') strings.userData = value();
    else if (arg === '--download-dir') strings.downloadDir = value();
    else if (arg === '--api-base-url') strings.apiBaseUrl = value();
    else if (arg === '--static') strings.staticDir = value();
    else if (arg === '--store-secrets-in-file') storeSecretsInFile = true;
    else if (arg === '--fast') fast = true;
    else if (arg === '--no-build') build = false;
    else if (arg === '--') continue;
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('--port must be a whole number from 0 to 65535');
  if (strings.apiBaseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(strings.apiBaseUrl))
    throw new Error('--api-base-url must be an http(s) URL');
  return { port, ...strings, storeSecretsInFile, fast, build };
}

export interface EnvCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Credentials to connect with at start, from `PANDESK_CLIENT_ID` / `PANDESK_CLIENT_SECRET`. */
export function readEnvCredentials(
  env: Readonly<Record<string, string | undefined>>,
): EnvCredentials | undefined {
  const clientId = env.PANDESK_CLIENT_ID;
  const clientSecret = env.PANDESK_CLIENT_SECRET;
  if (clientId === undefined || clientId === '' || clientSecret === undefined || clientSecret === '')
    return undefined;
  return { clientId, clientSecret };
}

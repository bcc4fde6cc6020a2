import { parseArgs } from 'node:util';

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
  /** Print the usage and stop. */
  readonly help: boolean;
}

export const USAGE = `Usage: pandesk-web [options]
  --port N                   listen on 127.0.0.1:N (default: a free port)
  --user-data DIR            settings, queue journal, demo drive (default: the OS app-data folder)
  --download-dir DIR         default download folder (default: ~/Downloads)
  --api-base-url URL         123pan Open API base URL (default: the real service)
  --static DIR               built UI folder (default: apps/web/dist)
  --store-secrets-in-file    keep client secret and tokens in <user-data>/secrets.json (mode 0600,
                             NOT encrypted); without it they are used only until it stops
  --fast                     no client-side rate pacing (for a local fake-pan)
  --no-build                 do not build the UI even if it is missing or stale
  --help                     print this and stop
Values may follow their option (--port 8123) or be joined to it (--port=8123).
Environment: PANDESK_CLIENT_ID and PANDESK_CLIENT_SECRET connect to that account at start
(kept only until the host stops unless --store-secrets-in-file).`;

const OPTIONS = {
  port: { type: 'string' },
  'user-data': { type: 'string' },
  'download-dir': { type: 'string' },
  'api-base-url': { type: 'string' },
  static: { type: 'string' },
  'store-secrets-in-file': { type: 'boolean' },
  fast: { type: 'boolean' },
  'no-build': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/**
 * Reads the command line (`node:util` parseArgs, strict); throws an Error whose message says
 * what is wrong, then the usage. A leading `--` (as some pnpm versions pass it on) is dropped.
 */
export function parseWebCliArgs(argv: readonly string[]): WebCliOptions {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (values.port !== undefined && (!/^\d+$/.test(values.port) || port > 65535))
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  const apiBaseUrl = values['api-base-url'];
  if (apiBaseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(apiBaseUrl))
    throw new Error('--api-base-url must be an http(s) URL');
  return {
    port,
    ...(values['user-data'] === undefined ? {} : { userData: values['user-data'] }),
    ...(values['download-dir'] === undefined ? {} : { downloadDir: values['download-dir'] }),
    ...(apiBaseUrl === undefined ? {} : { apiBaseUrl }),
    ...(values.static === undefined ? {} : { staticDir: values.static }),
    storeSecretsInFile: values['store-secrets-in-file'] === true,
    fast: values.fast === true,
    build: values['no-build'] !== true,
    help: values.help === true,
  };
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

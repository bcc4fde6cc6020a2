import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Starts `apps/web` as its own process (exactly what `pnpm start:web` runs) and waits for the
 * address it prints. Output is kept for failure reports; it never contains a secret other than
 * the launch key in the printed URL, which dies with the process.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/#k=[A-Za-z0-9_-]+/;

export interface WebHostProcess {
  /** The address to open, launch key included. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export interface WebHostLaunch {
  readonly userData: string;
  readonly downloadDir: string;
  readonly apiBaseUrl: string;
  /** Credentials handed over in the environment (PANDESK_CLIENT_ID/SECRET); none: the user enters them. */
  readonly credentials?: { readonly clientId: string; readonly clientSecret: string };
  /** `--store-secrets-in-file` (default true). */
  readonly storeSecretsInFile?: boolean;
  readonly startTimeoutMs?: number;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startWebHostProcess(launch: WebHostLaunch): Promise<WebHostProcess> {
  const args = [
    'apps/web/src/server/main.ts',
    '--port',
    '0',
    '--user-data',
    launch.userData,
    '--download-dir',
    launch.downloadDir,
    '--api-base-url',
    launch.apiBaseUrl,
    ...(launch.storeSecretsInFile === false ? [] : ['--store-secrets-in-file']),
    '--fast',
    '--no-build',
  ];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PANDESK_CLIENT_ID;
  delete env.PANDESK_CLIENT_SECRET;
  if (launch.credentials !== undefined) {
    env.PANDESK_CLIENT_ID = launch.credentials.clientId;
    env.PANDESK_CLIENT_SECRET = launch.credentials.clientSecret;
  }
  const child = spawn(`${repoRoot}node_modules/.bin/tsx`, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a stuck host and tsx's inner node process can be killed together.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web host did not print its address in time:\n${output}`)),
      launch.startTimeoutMs ?? 90_000,
    );
    const check = (): void => {
      const match = URL_PATTERN.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      resolve(match[0]);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}) before it was ready:\n${output}`));
    });
  });
  const url = await started.catch((error: unknown) => {
    killGroup('SIGKILL');
    throw error;
  });
  const stop = async (): Promise<void> => {
    killGroup('SIGTERM');
    if (!(await waitForExit(child, 15_000))) {
      killGroup('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };
  return { url, origin: new URL(url).origin, child, output: () => output, stop };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const clientScript = fileURLToPath(new URL('./independent_client.py', import.meta.url));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGTERM');
});

/** Starts the CLI as a user would and returns its first stdout line (the JSON banner). */
async function startCli(args: string[]): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) return line;
  throw new Error('fake-pan CLI exited without printing its banner');
}

test('an independent client written from the reference works against `fake-pan --seed demo`', async () => {
  const banner = await startCli(['--port', '0', '--seed', 'demo']);
  const config = JSON.parse(banner) as Record<string, unknown>;
  expect(config).toMatchObject({
    baseUrl: expect.stringMatching(/^http:\/\//),
    clientId: expect.any(String),
    clientSecret: expect.any(String),
  });

  const { stdout } = await promisify(execFile)('python3', [clientScript, banner], { timeout: 120_000 });
  expect(stdout).toContain('mkdir ok');
  expect(stdout).toContain('upload ok in 3 slices');
  expect(stdout).toContain('download with Range ok');
  expect(stdout).toContain('shares ok (3 made, listed over 3 pages, traffic changed)');
  expect(stdout).toContain('copy ok (one file, and a folder through an async task)');
  expect(stdout).toContain('offline download ok (status 2 at process 100)');
  expect(stdout).toContain('direct links ok (free account refused with code 1; signed URL served)');
  expect(stdout).toContain('trash and delete ok');
  expect(stdout).toContain('INDEPENDENT CLIENT OK');
  // The demo seed is there: the root of the demo drive lists its top-level folders.
  const rootCount = Number(/root lists (\d+) items/.exec(stdout)?.[1]);
  expect(rootCount).toBeGreaterThanOrEqual(4);
}, 180_000);

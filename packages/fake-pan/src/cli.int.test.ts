import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fake-pan-cli-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Banner {
  baseUrl: string;
  uploadUrl: string;
  cdnUrl: string;
  clientId: string;
  clientSecret: string;
  controlToken: string;
}

/** Spawns the CLI the way `pnpm fake-pan` does and resolves with its first stdout line. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; banner: Banner }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) return { child, banner: JSON.parse(line) as Banner };
  throw new Error('CLI exited without a banner');
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

test('a bad command line exits 1 with the problem and the usage on stderr', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--data-dir', '--vip'], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  expect(await exited(child)).toBe(1);
  expect(stderr).toMatch(/^fake-pan: Option '--data-dir' argument is ambiguous/);
  expect(stderr).toContain('Usage: fake-pan');
}, 60_000);

test('first line is one JSON object; SIGTERM closes cleanly; --data-dir keeps the credentials', async () => {
  const { child, banner } = await startCli(['--port', '0', '--data-dir', dir]);
  expect(banner).toMatchObject({
    baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    uploadUrl: expect.stringMatching(/^http:\/\//),
    cdnUrl: expect.stringMatching(/^http:\/\//),
    clientId: expect.any(String),
    clientSecret: expect.any(String),
    controlToken: expect.stringMatching(/^[\w-]{32}$/),
  });
  const state = (headers: Record<string, string>) =>
    fetch(`${banner.baseUrl}/__fake/state`, { headers }).then((r) => r.status);
  expect(await state({})).toBe(403);
  expect(await state({ 'X-Fake-Pan-Control': banner.controlToken })).toBe(200);
  const res = await fetch(`${banner.baseUrl}/api/v1/access_token`, {
    method: 'POST',
    headers: { Platform: 'open_platform', 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientID: banner.clientId, clientSecret: banner.clientSecret }),
  });
  expect(((await res.json()) as { code: number }).code).toBe(0);
  child.kill('SIGTERM');
  expect(await exited(child)).toBe(0);

  const again = await startCli(['--port', '0', '--data-dir', dir]);
  expect(again.banner.clientId).toBe(banner.clientId);
  expect(again.banner.clientSecret).toBe(banner.clientSecret);
  again.child.kill('SIGINT');
  expect(await exited(again.child)).toBe(0);
}, 60_000);

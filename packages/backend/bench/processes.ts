/**
 * The benchmark's process plumbing: running commands with their CPU time, the emulator in its
 * own process (its CPU time from /proc) and its control endpoint.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times; 100 on every mainstream build. */
const USER_HZ = 100;

/** Fields of /proc/<pid>/stat after "pid (comm) " (state first), or [] without /proc. */
function statFields(pid: number | 'self' | undefined): string[] {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  } catch {
    return [];
  }
}

const ticksMs = (a: string | undefined, b: string | undefined): number =>
  ((Number(a) + Number(b)) * 1000) / USER_HZ;

/** CPU time (user + system, all threads) a process has used so far, ms; NaN without /proc. */
export function cpuMsOf(pid: number | undefined): number {
  const fields = statFields(pid);
  return ticksMs(fields[11], fields[12]);
}

/**
 * CPU time of this process's children that have ended, ms (cutime + cstime): a command's
 * whole tree once it was waited for (curl under bash, aria2c's threads), nothing of the
 * emulator or the engine, which run until the end.
 */
function endedChildrenCpuMs(): number {
  const fields = statFields('self');
  return ticksMs(fields[13], fields[14]);
}

export interface Measured<T> {
  value: T;
  ms: number;
  /** CPU time of the commands that ended meanwhile, ms. */
  cpuMs: number;
}

/** Wall time and the ended commands' CPU time of `fn`. */
export async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  const cpuBefore = endedChildrenCpuMs();
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start, cpuMs: endedChildrenCpuMs() - cpuBefore };
}

/** Runs a command to completion; resolves with its stdout. */
export function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: env ?? process.env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun(out) : reject(new Error(`${cmd} failed (${code})`))));
  });
}

/** True when `cmd` is on the PATH. */
export async function installed(cmd: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${cmd}`]).then(
    () => true,
    () => false,
  );
}

export const PLATFORM = { Platform: 'open_platform' };

export interface Pan {
  baseUrl: string;
  uploadUrl: string;
  cdnUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent in `X-Fake-Pan-Control` on control calls (`/__fake/*`), from the banner. */
  controlToken: string;
  /** CPU time the emulator has used so far, ms (NaN where /proc is missing). */
  cpuMs(): number;
  stop(): void;
}

export function startPan(repoRoot: string): Promise<Pan> {
  const nodeArgs = process.env.BENCH_PAN_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const cli = join(repoRoot, 'packages/fake-pan/src/cli.ts');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', cli, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n') || !line) return;
      const banner = JSON.parse(line) as Omit<Pan, 'stop' | 'cpuMs'>;
      resolveStart({ ...banner, cpuMs: () => cpuMsOf(child.pid), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`fake-pan exited (${code})`)));
  });
}

/** Runs `fn` and returns its result with the emulator's CPU time during it, ms. */
export async function withPanCpu<T>(pan: Pan, fn: () => Promise<T>): Promise<{ value: T; panMs: number }> {
  const before = pan.cpuMs();
  const value = await fn();
  return { value, panMs: pan.cpuMs() - before };
}

export async function panJson(
  pan: Pan,
  path: string,
  init: RequestInit = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(`${pan.baseUrl}${path}`, init);
  const body = (await res.json()) as { code?: number; message?: string; data?: Record<string, unknown> };
  if (!res.ok || (body.code !== undefined && body.code !== 0))
    throw new Error(`${path}: ${res.status} ${body.message ?? ''}`);
  return body.data ?? body;
}

export async function setFaults(pan: Pan, faults: Record<string, unknown>): Promise<void> {
  await panJson(pan, '/__fake/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fake-pan-control': pan.controlToken },
    body: JSON.stringify(faults),
  });
}

/** Rate-limit refusals (429 answers) the emulator gave so far, over every endpoint. */
export async function refusals(pan: Pan): Promise<number> {
  const state = await panJson(pan, '/__fake/state', { headers: { 'x-fake-pan-control': pan.controlToken } });
  return Object.values((state.rateLimited ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
}

export async function accessToken(pan: Pan): Promise<string> {
  const data = await panJson(pan, '/api/v1/access_token', {
    method: 'POST',
    headers: { ...PLATFORM, 'content-type': 'application/json' },
    body: JSON.stringify({ clientID: pan.clientId, clientSecret: pan.clientSecret }),
  });
  return String(data.accessToken);
}

/** An authenticated API call of the emulator (data of the envelope). */
export async function apiCall(pan: Pan, token: string, path: string, init: RequestInit = {}) {
  return panJson(pan, path, {
    ...init,
    headers: { ...PLATFORM, Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
}

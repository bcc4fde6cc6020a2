/**
 * What every bench case shares: the run's settings (from the environment, see bench.ts), the
 * emulator and work folder, the engine processes started so far, and lookups on the drive.
 */
import { join } from 'node:path';
import type { ChildAnswer, ChildConfig } from './engine-child';
import { startEngine } from './engine-host';
import type { Engine } from './engine-host';
import type { Pan } from './processes';
import { accessToken, apiCall } from './processes';

export const MiB = 1024 * 1024;
const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

export const SETTINGS = {
  size: num('BENCH_SIZE_MB', 1024) * MiB,
  capPerConnection: num('BENCH_CAP_MBPS', 64) * MiB,
  uploadCap: num('BENCH_UP_CAP_MBPS', 16) * MiB,
  uploadCapSize: num('BENCH_UP_CAP_SIZE_MB', 256) * MiB,
  smallFiles: num('BENCH_SMALL_FILES', 2000),
  smallFolders: num('BENCH_SMALL_FOLDERS', 50),
  rateScale: num('BENCH_RATE_SCALE', 10),
  /** The engine's defaults, which the baselines copy. */
  slicesInFlight: 3,
  sliceSize: 16 * MiB,
  /** "Not yet" answers of upload_complete before it completes (fake-pan's default). */
  completePolls: 1,
};

/** True when BENCH_CASES is unset or names the case. */
export const wanted = (name: string): boolean =>
  !process.env.BENCH_CASES || process.env.BENCH_CASES.split(',').includes(name);

export interface Ctx {
  pan: Pan;
  work: string;
  bundle: string;
  engines: Engine[];
}

/** A new engine process with its own journal, stopped at the end of the run. */
export async function engineFor(ctx: Ctx, name: string, extra: Partial<ChildConfig> = {}): Promise<Engine> {
  const { baseUrl, clientId, clientSecret } = ctx.pan;
  const engine = await startEngine(ctx.bundle, {
    baseUrl,
    clientId,
    clientSecret,
    journalPath: join(ctx.work, `${name}.db`),
    ...extra,
  });
  ctx.engines.push(engine);
  return engine;
}

export function mustSucceed(answer: ChildAnswer): ChildAnswer {
  if (answer.error !== undefined) throw new Error(`the engine failed: ${answer.error}`);
  return answer;
}

/** The id of a live entry named `name` in the drive's root. */
export async function rootChildId(pan: Pan, name: string): Promise<number> {
  const token = await accessToken(pan);
  const data = await apiCall(pan, token, '/api/v2/file/list?parentFileId=0&limit=100');
  const hit = (data.fileList as Array<{ fileId: number; filename: string; trashed: number }>).find(
    (f) => f.filename === name && f.trashed === 0,
  );
  if (!hit) throw new Error(`${name} is not on the drive`);
  return hit.fileId;
}

export async function downloadUrl(pan: Pan, fileId: number): Promise<string> {
  const data = await apiCall(pan, await accessToken(pan), `/api/v1/file/download_info?fileId=${fileId}`);
  return String(data.downloadUrl);
}

/** `method:count,…` of the requests an engine job made. */
export const callList = (calls: Record<string, number>): string =>
  Object.entries(calls)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');

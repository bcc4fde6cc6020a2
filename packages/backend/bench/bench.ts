/**
 * `pnpm bench` (a benchmark, not a test): the transfer engine against fake-pan on loopback,
 * each case against a baseline measured in the same run on the same machine.
 *
 * - upload_1g: the engine uploads a 1 GiB file (hash, create, 16 MiB slices, completion)
 *   vs `md5sum` + `curl` posting the same number of bytes to the same fake-pan with the API's
 *   one-request upload (`single/create`: the least a client of this service can do, and the
 *   same server-side work of receiving, hashing and storing). `sink_ratio` compares with curl
 *   posting into a process that discards the bytes (no server work at all).
 * - download_1g: the engine downloads it (4 Range segments, MD5 verified, atomic rename) vs
 *   `curl` alone saving the same URL. `md5sum_s` is md5sum's time on the same bytes: the
 *   engine cannot finish before it has hashed them all (MD5 is sequential), so where hashing
 *   is slower than curl's download, md5sum_s / baseline_s is a floor for the ratio.
 * - download_1g_capped: both again with the CDN capped per connection (fake-pan fault
 *   `cdnBytesPerSecond`); the engine runs 8 segments against curl's single connection.
 *
 * Ratio = engine time / baseline time (lower is better). The engine runs in its own process
 * (engine-child.ts, bundled and run in plain Node like the desktop main process), so
 * `peak_rss_mb` is that process's peak so far and nothing of this driver, fake-pan or curl is
 * in it. `engine_cpu_s` is that process's CPU time and `pan_cpu_s` the emulator's (from /proc)
 * during the same case (`baseline_pan_cpu_s` during the upload baseline). Each line names the
 * core count: on few cores the engine, the emulator and all the hashing share them, and
 * (engine + emulator CPU) / cores is a floor for the engine's time.
 *
 * Environment: BENCH_SIZE_MB (default 1024), BENCH_CAP_MBPS (per-connection cap, default 64),
 * BENCH_CASES (comma list of case names), BENCH_PAN_NODE_ARGS and BENCH_ENGINE_NODE_ARGS (extra
 * node flags for fake-pan and the engine process, e.g. --cpu-prof).
 */
import { spawn, fork, type ChildProcess } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { ChildAnswer, ChildConfig, ChildJob } from './engine-child';
import { benchSync } from './sync-bench';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_SIZE_MB ?? 1024) * MiB;
const CAP = Number(process.env.BENCH_CAP_MBPS ?? 64) * MiB;
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const PLATFORM = { Platform: 'open_platform' };

interface Pan {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Sent in `X-Fake-Pan-Control` on control calls (`/__fake/*`), from the banner. */
  controlToken: string;
  /** CPU time the emulator has used so far, ms (NaN where /proc is missing). */
  cpuMs(): number;
  stop(): void;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times; 100 on every mainstream build. */
const USER_HZ = 100;

/** CPU time (user + system, all threads) a process has used so far, ms; NaN without /proc. */
function cpuMsOf(pid: number | undefined): number {
  try {
    // Fields after "pid (comm) ": state first, so utime and stime are at 11 and 12.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return Number.NaN;
  }
}

/** Runs `fn` and returns its result with the emulator's CPU time during it, ms. */
async function withPanCpu<T>(pan: Pan, fn: () => Promise<T>): Promise<{ value: T; panMs: number }> {
  const before = pan.cpuMs();
  const value = await fn();
  return { value, panMs: pan.cpuMs() - before };
}

/** Runs a command to completion; resolves with its stdout. */
function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun(out) : reject(new Error(`${cmd} failed (${code})`))));
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function startPan(): Promise<Pan> {
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
      const banner = JSON.parse(line) as Omit<Pan, 'stop'>;
      resolveStart({ ...banner, cpuMs: () => cpuMsOf(child.pid), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`fake-pan exited (${code})`)));
  });
}

async function panJson(pan: Pan, path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${pan.baseUrl}${path}`, init);
  const body = (await res.json()) as { code?: number; message?: string; data?: Record<string, unknown> };
  if (!res.ok || (body.code !== undefined && body.code !== 0))
    throw new Error(`${path}: ${res.status} ${body.message ?? ''}`);
  return body.data ?? body;
}

async function setFaults(pan: Pan, faults: Record<string, unknown>): Promise<void> {
  await panJson(pan, '/__fake/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fake-pan-control': pan.controlToken },
    body: JSON.stringify(faults),
  });
}

async function accessToken(pan: Pan): Promise<string> {
  const data = await panJson(pan, '/api/v1/access_token', {
    method: 'POST',
    headers: { ...PLATFORM, 'content-type': 'application/json' },
    body: JSON.stringify({ clientID: pan.clientId, clientSecret: pan.clientSecret }),
  });
  return String(data.accessToken);
}

async function writeRandomFile(path: string, size: number): Promise<string> {
  const out = createWriteStream(path);
  const hash = createHash('md5');
  const chunk = Buffer.alloc(4 * MiB);
  for (let done = 0; done < size; done += chunk.length) {
    randomFillSync(chunk);
    const piece = chunk.subarray(0, Math.min(chunk.length, size - done));
    hash.update(piece);
    if (!out.write(Buffer.from(piece))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => {
    out.once('error', j);
    out.end(() => r());
  });
  return hash.digest('hex');
}

/** Reads the file once so both sides start with it in the page cache. */
async function warm(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MiB })) void chunk;
}

/**
 * Writes every dirty page back before a timed run, so no run starts with gigabytes of the
 * previous one's writes pending: the kernel throttles writers once dirty pages pile up, and
 * whichever side ran second paid for the first.
 */
async function settleDisk(): Promise<void> {
  await run('sync', []);
}

/** Bundles the engine process like the desktop build does: one file, SQLite's wasm beside it. */
async function bundleEngine(work: string): Promise<string> {
  const outfile = join(work, 'engine-child.cjs');
  await build({
    entryPoints: [join(here, 'engine-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const fromTransfer = createRequire(createRequire(import.meta.url).resolve('@pandesk/transfer'));
  const wasm = join(dirname(fromTransfer.resolve('node-sqlite3-wasm')), 'node-sqlite3-wasm.wasm');
  copyFileSync(wasm, join(work, 'node-sqlite3-wasm.wasm'));
  return outfile;
}

interface Engine {
  run(job: Exclude<ChildJob, { op: 'exit' }>): Promise<ChildAnswer>;
  stop(): void;
  peakRssMb: number;
}

function startEngine(bundle: string, config: ChildConfig): Promise<Engine> {
  const child: ChildProcess = fork(bundle, [], {
    execArgv: process.env.BENCH_ENGINE_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    env: { ...process.env, BENCH_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (): Promise<ChildAnswer> =>
    new Promise((resolveAnswer, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the engine process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (answer: ChildAnswer) => {
        child.off('exit', onExit);
        resolveAnswer(answer);
      });
    });
  return next().then((ready) => {
    const engine: Engine = {
      peakRssMb: ready.peakRssMb,
      async run(job) {
        const answer = next();
        child.send(job);
        const result = await answer;
        if (result.error !== undefined) throw new Error(result.error);
        engine.peakRssMb = result.peakRssMb;
        return result;
      },
      stop: () => void child.send({ op: 'exit' } satisfies ChildJob),
    };
    return engine;
  });
}

/** Reads and drops request bodies, in its own process: curl's upload target for `sink_ratio`. */
const SINK_SOURCE = `
const server = require('node:http').createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => res.end('ok'));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

function startSink(): Promise<{ url: string; close(): void }> {
  const child = spawn(process.execPath, ['-e', SINK_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolveStart, reject) => {
    child.stdout.once('data', (d: Buffer) =>
      resolveStart({ url: `http://127.0.0.1:${d.toString().trim()}/`, close: () => child.kill('SIGTERM') }),
    );
    child.once('exit', (code) => reject(new Error(`sink exited (${code})`)));
  });
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const mbps = (ms: number): string => (SIZE / MiB / (ms / 1000)).toFixed(0);

function line(
  name: string,
  engine: ChildAnswer,
  baselineMs: number,
  extra: Record<string, string> = {},
): void {
  const fields = {
    ratio: (engine.ms / baselineMs).toFixed(2),
    peak_rss_mb: String(Math.round(engine.peakRssMb)),
    engine_s: seconds(engine.ms),
    engine_mbps: mbps(engine.ms),
    engine_cpu_s: seconds(engine.cpuMs),
    baseline_s: seconds(baselineMs),
    baseline_mbps: mbps(baselineMs),
    ...extra,
    phases: Object.entries(engine.phases)
      .map(([phase, ms]) => `${phase}:${seconds(ms)}`)
      .join(','),
    cores: String(availableParallelism()),
  };
  const text = Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  process.stdout.write(`${name} ${text}\n`);
}

/** `md5sum`, then curl's one-request upload of the same bytes into fake-pan. */
async function uploadBaseline(pan: Pan, file: string): Promise<number> {
  const token = await accessToken(pan);
  const domains = await fetch(`${pan.baseUrl}/upload/v2/file/domain`, {
    headers: { ...PLATFORM, Authorization: `Bearer ${token}` },
  });
  const host = ((await domains.json()) as { data: string[] }).data[0];
  const { ms } = await timed(async () => {
    const md5 = (await run('md5sum', [file])).split(' ')[0] ?? '';
    const answer = await run('curl', [
      '-s',
      ...['-H', `Authorization: Bearer ${token}`, '-H', 'Platform: open_platform'],
      ...['-F', 'parentFileID=0', '-F', 'filename=baseline.bin', '-F', `etag=${md5}`],
      ...['-F', `size=${SIZE}`, '-F', 'duplicate=2', '-F', `file=@${file}`],
      `${host}/upload/v2/file/single/create`,
    ]);
    const body = JSON.parse(answer) as { code: number; data?: { completed?: boolean } };
    if (body.code !== 0 || body.data?.completed !== true) throw new Error(`baseline upload: ${answer}`);
  });
  return ms;
}

async function sinkBaseline(file: string): Promise<number> {
  const sink = await startSink();
  try {
    const { ms } = await timed(async () => {
      await run('md5sum', [file]);
      await run('curl', ['-s', '-o', '/dev/null', '-X', 'POST', '-T', file, sink.url]);
    });
    return ms;
  } finally {
    sink.close();
  }
}

/** curl's download time, and md5sum's time on what it saved (the verification the engine must do). */
async function curlDownload(url: string, target: string): Promise<{ curlMs: number; md5Ms: number }> {
  await settleDisk();
  const { ms: curlMs } = await timed(() => run('curl', ['-s', '-L', '-o', target, url]));
  const { ms: md5Ms } = await timed(() => run('md5sum', [target]));
  rmSync(target, { force: true });
  return { curlMs, md5Ms };
}

async function downloadUrl(pan: Pan, fileId: number): Promise<string> {
  const token = await accessToken(pan);
  const data = await panJson(pan, `/api/v1/file/download_info?fileId=${fileId}`, {
    headers: { ...PLATFORM, Authorization: `Bearer ${token}` },
  });
  return String(data.downloadUrl);
}

async function uploadedId(pan: Pan, name: string): Promise<number> {
  const token = await accessToken(pan);
  const data = await panJson(pan, '/api/v2/file/list?parentFileId=0&limit=100', {
    headers: { ...PLATFORM, Authorization: `Bearer ${token}` },
  });
  const hit = (data.fileList as Array<{ fileId: number; filename: string; trashed: number }>).find(
    (f) => f.filename === name && f.trashed === 0,
  );
  if (!hit) throw new Error(`${name} is not on the drive`);
  return hit.fileId;
}

const wanted = (name: string): boolean =>
  !process.env.BENCH_CASES || process.env.BENCH_CASES.split(',').includes(name);

async function main(): Promise<void> {
  await benchSync(wanted);
  if (process.env.BENCH_CASES && !['upload_1g', 'download_1g', 'download_1g_capped'].some(wanted)) return;
  const work = mkdtempSync(join(tmpdir(), 'pandesk-bench-'));
  const pan = await startPan();
  let engine: Engine | undefined;
  try {
    await setFaults(pan, { rateLimits: false });
    const file = join(work, 'big.bin');
    const baselineFile = join(work, 'baseline.bin');
    // Two files of the same size: the service deduplicates by MD5, so the baseline's upload
    // of the engine's bytes would be an instant one.
    const etag = await writeRandomFile(file, SIZE);
    if (wanted('upload_1g')) await writeRandomFile(baselineFile, SIZE);
    const bundle = await bundleEngine(work);
    const running = await startEngine(bundle, { ...pan, journalPath: join(work, 'journal.db') });
    engine = running;

    await warm(file);
    await settleDisk();
    const upload = await withPanCpu(pan, () => running.run({ op: 'upload', path: file }));
    if (wanted('upload_1g')) {
      await warm(baselineFile);
      await settleDisk();
      const baseline = await withPanCpu(pan, () => uploadBaseline(pan, baselineFile));
      await settleDisk();
      const sinkMs = await sinkBaseline(baselineFile);
      line('upload_1g', upload.value, baseline.value, {
        pan_cpu_s: seconds(upload.panMs),
        baseline_pan_cpu_s: seconds(baseline.panMs),
        sink_ratio: (upload.value.ms / sinkMs).toFixed(2),
        sink_s: seconds(sinkMs),
      });
      rmSync(baselineFile, { force: true });
    }
    rmSync(file, { force: true });

    const fileId = await uploadedId(pan, 'big.bin');
    const cases: Array<[string, number]> = [
      ['download_1g', 4],
      ['download_1g_capped', 8],
    ];
    for (const [name, segmentsPerFile] of cases) {
      if (name === 'download_1g_capped') await setFaults(pan, { cdnBytesPerSecond: CAP });
      if (!wanted(name)) continue;
      const dir = join(work, `down-${name}`);
      mkdirSync(dir, { recursive: true });
      const job = { op: 'download', fileId, size: SIZE, etag, dir, segmentsPerFile } as const;
      await settleDisk();
      const down = await withPanCpu(pan, () => running.run(job));
      rmSync(dir, { recursive: true, force: true });
      const { curlMs, md5Ms } = await curlDownload(await downloadUrl(pan, fileId), join(work, 'curl.bin'));
      line(name, down.value, curlMs, { pan_cpu_s: seconds(down.panMs), md5sum_s: seconds(md5Ms) });
    }
  } finally {
    engine?.stop();
    pan.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

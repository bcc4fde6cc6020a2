/**
 * `pnpm --filter @pandesk/transfer bench` (not a test): the engine against fake-pan on loopback.
 *
 * - upload_1g: engine upload of a 1 GiB file vs `md5sum` + `curl` posting the same bytes to a
 *   loopback sink (hash + transfer, the least any uploader must do);
 * - download_1g: engine download vs `curl` alone on the same CDN URL;
 * - download_1g_capped: both again with the CDN capped per connection (fake-pan fault
 *   `cdnBytesPerSecond`), where segmented parallel ranges should win.
 *
 * One line per case: `name ratio=<engine/baseline time> peak_rss_mb=… engine_s=… engine_mbps=…
 * baseline_s=… baseline_mbps=…` (peak RSS of this process, which runs only the engine: fake-pan
 * and curl's upload sink run in child processes, so neither shares its memory or event loop).
 * Download lines add `baseline_fsync_s`: curl plus one fsync of its file, since the engine
 * flushes what it downloaded to disk before it calls a file done and curl never does.
 *
 * Fairness: the data file is written once, read once to warm the page cache for both sides,
 * and the same bytes serve every case; the capped case runs 8 segments (8 × cap) against
 * curl's single connection. BENCH_SIZE_MB changes the size (default 1024); BENCH_CAP_MBPS the
 * per-connection cap (default 64); BENCH_CASES picks cases; BENCH_PAN_NODE_ARGS passes flags
 * (e.g. --cpu-prof) to the fake-pan process.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomFillSync } from 'node:crypto';
import { createPanClient } from '@pandesk/open-api';
import type { PanClient } from '@pandesk/open-api';
import { createTransferEngine } from '../src/engine';
import type { TransferEngine } from '../src/engine';
import { createPanBackend } from '../src/testing/pan-backend';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_SIZE_MB ?? 1024) * MiB;
const CAP = Number(process.env.BENCH_CAP_MBPS ?? 64) * MiB;
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

interface Pan {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  stop(): void;
}

function startPan(): Promise<Pan> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PAN_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      join(repoRoot, 'packages/fake-pan/src/cli.ts'),
      '--port',
      '0',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n') || !line) return;
      const banner = JSON.parse(line) as Omit<Pan, 'stop'>;
      resolveStart({ ...banner, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`fake-pan exited (${code})`)));
  });
}

async function setFaults(pan: Pan, faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${pan.baseUrl}/__fake/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!res.ok) throw new Error(`faults: HTTP ${res.status}`);
}

async function writeRandomFile(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(4 * MiB);
  for (let done = 0; done < size; done += chunk.length) {
    randomFillSync(chunk);
    const piece = chunk.subarray(0, Math.min(chunk.length, size - done));
    if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => {
    out.once('error', j);
    out.end(() => r());
  });
}

async function timed(fn: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Async on purpose: the upload sink lives in this process and must keep reading. */
function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`${cmd} failed (${code})`))));
  });
}

/** Reads and drops request bodies, in a child process: curl's upload target. */
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

/** Reads the file once so both sides start with it in the page cache. */
async function warm(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MiB })) void chunk;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const mbps = (ms: number): string => (SIZE / MiB / (ms / 1000)).toFixed(0);

function line(name: string, engineMs: number, baselineMs: number, extra = ''): void {
  const rss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${name} ratio=${(engineMs / baselineMs).toFixed(2)} peak_rss_mb=${Math.round(rss)} engine_s=${seconds(engineMs)} engine_mbps=${mbps(engineMs)} baseline_s=${seconds(baselineMs)} baseline_mbps=${mbps(baselineMs)}${extra}\n`,
  );
}

async function engineRun(engine: TransferEngine, start: () => Promise<string>): Promise<void> {
  await start();
  await engine.whenIdle();
  const failed = engine.getPage({ offset: 0, limit: 10, states: ['failed'] }).items;
  if (failed.length > 0) throw new Error(`engine failed: ${failed[0]?.error?.message}`);
  engine.clearFinished();
}

async function benchUpload(engine: TransferEngine, file: string): Promise<void> {
  await warm(file);
  const engineMs = await timed(() =>
    engineRun(engine, () => engine.upload({ localPaths: [file], remoteParentId: 0, conflict: 'overwrite' })),
  );
  const sink = await startSink();
  const baselineMs = await timed(async () => {
    await run('md5sum', [file]);
    await run('curl', [
      '-s',
      '-o',
      '/dev/null',
      '-X',
      'POST',
      '-T',
      file,
      '-H',
      'Content-Type: application/octet-stream',
      sink.url,
    ]);
  });
  sink.close();
  line('upload_1g', engineMs, baselineMs);
}

async function benchDownload(
  name: string,
  engine: TransferEngine,
  client: PanClient,
  work: string,
  fileId: number,
): Promise<void> {
  const source = { fileId, name: 'big.bin', type: 'file' as const };
  const dir = join(work, `down-${name}`);
  const engineMs = await timed(() =>
    engineRun(engine, () => engine.download({ sources: [source], localDir: dir, conflict: 'overwrite' })),
  );
  rmSync(dir, { recursive: true, force: true });
  const url = (await client.download.info(fileId)).url;
  const target = join(work, 'curl.bin');
  const baselineMs = await timed(() => run('curl', ['-s', '-L', '-o', target, url]));
  const syncMs = await timed(() => run('sync', ['--data', target]));
  rmSync(target, { force: true });
  line(name, engineMs, baselineMs, ` baseline_fsync_s=${seconds(baselineMs + syncMs)}`);
}

/** BENCH_CASES=download_1g,… runs only those cases (the upload still happens, untimed). */
const wanted = (name: string): boolean =>
  !process.env.BENCH_CASES || process.env.BENCH_CASES.split(',').includes(name);

const debug = (msg: string): void =>
  void (process.env.BENCH_DEBUG && process.stderr.write(`[bench ${Math.round(performance.now())}] ${msg}\n`));

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'pandesk-bench-'));
  const pan = await startPan();
  try {
    debug('fake-pan up');
    await setFaults(pan, { rateLimits: false });
    const file = join(work, 'big.bin');
    await writeRandomFile(file, SIZE);
    debug('file written');
    const client = createPanClient({
      baseUrl: pan.baseUrl,
      credentials: { kind: 'client', clientId: pan.clientId, clientSecret: pan.clientSecret },
      rateTable: false,
    });
    const engine = createTransferEngine({
      journalPath: join(work, 'journal.db'),
      backend: createPanBackend(client),
      limits: { segmentsPerFile: 4, slicesPerFile: 3 },
    });
    engine.start();
    const ticker = setInterval(
      () =>
        debug(
          JSON.stringify(
            engine
              .getPage({ offset: 0, limit: 3 })
              .items.map((i) => [i.state, i.phase, i.bytesDone, i.error?.message]),
          ),
        ),
      Number(process.env.BENCH_DEBUG_MS ?? 2000),
    );
    if (!process.env.BENCH_DEBUG) clearInterval(ticker);
    if (wanted('upload_1g')) await benchUpload(engine, file);
    else
      await engineRun(engine, () =>
        engine.upload({ localPaths: [file], remoteParentId: 0, conflict: 'overwrite' }),
      );
    debug('upload done');
    const uploaded = (await client.files.listAll(0)).find((e) => e.name === 'big.bin');
    if (!uploaded) throw new Error('uploaded file not found');
    rmSync(file, { force: true });
    if (wanted('download_1g')) await benchDownload('download_1g', engine, client, work, uploaded.id);
    await setFaults(pan, { cdnBytesPerSecond: CAP });
    engine.setLimits({ segmentsPerFile: 8 });
    if (wanted('download_1g_capped'))
      await benchDownload('download_1g_capped', engine, client, work, uploaded.id);
    clearInterval(ticker);
    await engine.close();
  } finally {
    pan.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

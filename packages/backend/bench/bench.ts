/**
 * `pnpm bench` (a benchmark, not a test): the transfer engine against fake-pan on loopback,
 * each case against baselines measured in the same run on the same machine. Every line gives
 * wall time and client CPU time side by side (`*_s`, `*_cpu_s`): the engine's process, or the
 * baseline's commands; `pan_cpu_s` is the emulator's CPU during the engine's run. Ratio =
 * engine time / baseline time (lower is better).
 *
 * - upload_1g: a 1 GiB file (one read hashing the file and its slices, create, 16 MiB slices
 *   3 at a time, completion) vs md5sum + curl's one-request upload (`single/create`) of the
 *   same number of bytes (`sink_ratio`: curl posting into a process that discards them).
 *   upload_1g_vs_floor: vs the protocol-floor client (baselines.ts): the same sliced protocol,
 *   slice size and parallelism, with md5sum, split, dd and curl, into the same fake-pan.
 * - download_1g: the engine (4 Range segments, MD5 verified, atomic rename) vs curl alone;
 *   `_vs_curl_md5sum` vs curl then md5sum (download, then verify), `_vs_aria2c_md5` vs
 *   `aria2c -x 4 --checksum=md5=…` (verifies after downloading), `_vs_aria2c` without it;
 *   `skipped (aria2c not installed)` where aria2c is missing (Debian/Ubuntu: apt install aria2).
 * - hashing_1g: the upload's hashing alone on the engine's hashing threads: the whole file and
 *   its slices in one read (as uploads hash) against the whole file, then each slice read again
 *   (`gain` = two-pass time / one-pass time).
 * - download_1g_capped: the same with the CDN capped per connection (fault `cdnBytesPerSecond`),
 *   8 connections for the engine and aria2c, curl's one.
 * - upload_capped: the upload host capped per connection (fault `uploadBytesPerSecond`); the
 *   speed-up of the engine's default slices in flight over one slice in flight.
 * - small_files_upload / small_files_download: a tree of small files in folders up and back
 *   down with the rate limits on, vs the least time those limits allow (small-files.ts). The
 *   free table is multiplied by BENCH_RATE_SCALE on both sides (fake-pan's `rateScale` fault and
 *   the client's table) and the completion poll interval divided by it, so the case runs in
 *   minutes instead of about half an hour; `pan_429` counts the emulator's refusals.
 *
 * Each case runs the engine in its own process (engine-child.ts, bundled and run in plain Node
 * like the desktop main process): `peak_rss_mb` is that process's peak during the case, and
 * nothing of this driver, fake-pan or the baselines is in it. Each line names the core count:
 * on few cores the engine, the emulator and all the hashing share them.
 *
 * Environment: BENCH_SIZE_MB (default 1024), BENCH_CAP_MBPS (CDN cap per connection, default
 * 64), BENCH_UP_CAP_MBPS and BENCH_UP_CAP_SIZE_MB (upload host cap and file, default 16 and
 * 256), BENCH_SMALL_FILES, BENCH_SMALL_FOLDERS, BENCH_RATE_SCALE (default 2000, 50, 10),
 * BENCH_CASES (comma list: upload_1g, hashing_1g, download_1g, download_1g_capped,
 * upload_capped, small_files, and the sync cases of sync-bench.ts), BENCH_PAN_NODE_ARGS and BENCH_ENGINE_NODE_ARGS (extra node flags, e.g. --cpu-prof).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadCases, hashingCase, uploadCases } from './big-file-cases';
import type { Ctx } from './context';
import { SETTINGS, engineFor, wanted } from './context';
import { bundleEngine } from './engine-host';
import { writeRandomFile } from './files';
import { setFaults, startPan } from './processes';
import { cappedUpload, smallFiles } from './rate-bound-cases';
import { line } from './report';
import { benchSync } from './sync-bench';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'pandesk-bench-'));
  const pan = await startPan(repoRoot);
  const ctx: Ctx = { pan, work, bundle: '', engines: [] };
  try {
    await setFaults(pan, { rateLimits: false });
    ctx.bundle = await bundleEngine(work);
    const bigCases = ['upload_1g', 'hashing_1g', 'download_1g', 'download_1g_capped'].some(wanted);
    if (bigCases) {
      const engine = await engineFor(ctx, 'big');
      line('engine_memory', { resting_rss_mb: String(Math.round(engine.restingRssMb)) });
      const file = join(work, 'big.bin');
      const etag = await writeRandomFile(file, SETTINGS.size);
      await uploadCases(ctx, engine, file);
      if (wanted('hashing_1g')) await hashingCase(ctx, file);
      rmSync(file, { force: true });
      await downloadCases(ctx, engine, etag);
    }
    if (wanted('upload_capped')) await cappedUpload(ctx);
    if (wanted('small_files')) await smallFiles(ctx);
  } finally {
    for (const engine of ctx.engines) engine.stop();
    pan.stop();
    rmSync(work, { recursive: true, force: true });
  }
  await benchSync(wanted);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

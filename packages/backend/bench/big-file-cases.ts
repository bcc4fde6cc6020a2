/**
 * The one-big-file cases (bench.ts's header says what each line compares): the engine uploads
 * the file, then downloads it unthrottled and with the CDN capped per connection, each beside
 * its baselines; and the engine's hashing of the file in one pass against two.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  downloadBaselines,
  oneRequestUpload,
  protocolFloorUpload,
  settleDisk,
  sinkUpload,
} from './baselines';
import type { Ctx } from './context';
import { SETTINGS, downloadUrl, engineFor, mustSucceed, rootChildId, wanted } from './context';
import type { Engine } from './engine-host';
import { startSink, warm, writeRandomFile } from './files';
import { setFaults, withPanCpu } from './processes';
import { compare, engineFields, line, seconds, skipped } from './report';

const { size: SIZE, slicesInFlight, sliceSize } = SETTINGS;

export async function uploadCases(ctx: Ctx, engine: Engine, file: string): Promise<void> {
  const { pan, work } = ctx;
  await warm(file);
  await settleDisk();
  const up = await withPanCpu(pan, () => engine.run({ op: 'upload', paths: [file], parentId: 0 }));
  mustSucceed(up.value);
  if (!wanted('upload_1g')) return;
  const single = join(work, 'baseline.bin');
  const floor = join(work, 'floor.bin');
  // Files of their own: the service deduplicates by MD5, so the same bytes again would be an
  // instant upload.
  await writeRandomFile(single, SIZE);
  await writeRandomFile(floor, SIZE);
  await warm(single);
  await settleDisk();
  const baseline = await withPanCpu(pan, () => oneRequestUpload(pan, single, SIZE));
  await settleDisk();
  const sink = await startSink();
  const sinkRun = await sinkUpload(single, sink.url).finally(() => sink.close());
  await sink.close(); // ended and reaped: its CPU time never counts in a later reading
  rmSync(single, { force: true });
  line('upload_1g', {
    ...compare(up.value, baseline.value, SIZE),
    ...engineFields(up.value, SIZE),
    pan_cpu_s: seconds(up.panMs),
    baseline_pan_cpu_s: seconds(baseline.panMs),
    sink_ratio: (up.value.ms / sinkRun.ms).toFixed(2),
    sink_s: seconds(sinkRun.ms),
  });
  await warm(floor);
  await settleDisk();
  const opts = { size: SIZE, parallel: slicesInFlight, sliceSize, work };
  const reference = await withPanCpu(pan, () => protocolFloorUpload(pan, floor, opts));
  rmSync(floor, { force: true });
  line('upload_1g_vs_floor', {
    ...compare(up.value, reference.value, SIZE),
    ...engineFields(up.value, SIZE),
    pan_cpu_s: seconds(up.panMs),
    baseline_pan_cpu_s: seconds(reference.panMs),
  });
}

/** The upload's hashing alone, one pass against two, in an engine process of its own. */
export async function hashingCase(ctx: Ctx, file: string): Promise<void> {
  const engine = await engineFor(ctx, 'hashing');
  const job = { op: 'hash', path: file, size: SIZE, sliceSize, parallel: slicesInFlight } as const;
  await warm(file);
  const two = mustSucceed(await engine.run({ ...job, mode: 'two_pass' }));
  await warm(file);
  const one = mustSucceed(await engine.run({ ...job, mode: 'one_pass' }));
  line('hashing_1g', {
    gain: (two.ms / one.ms).toFixed(2),
    one_pass_s: seconds(one.ms),
    one_pass_cpu_s: seconds(one.cpuMs),
    two_pass_s: seconds(two.ms),
    two_pass_cpu_s: seconds(two.cpuMs),
    peak_rss_mb: String(Math.round(Math.max(one.peakRssMb, two.peakRssMb))),
  });
}

export async function downloadCases(ctx: Ctx, engine: Engine, etag: string): Promise<void> {
  const { pan, work } = ctx;
  const fileId = await rootChildId(pan, 'big.bin');
  const cases: Array<[string, number]> = [
    ['download_1g', 4],
    ['download_1g_capped', 8],
  ];
  for (const [name, connections] of cases) {
    if (name === 'download_1g_capped') await setFaults(pan, { cdnBytesPerSecond: SETTINGS.capPerConnection });
    if (!wanted(name)) continue;
    const dir = join(work, `down-${name}`);
    mkdirSync(dir, { recursive: true });
    const source = { fileId, name: 'big.bin', type: 'file' as const, size: SIZE, etag };
    await settleDisk();
    const down = await withPanCpu(pan, () =>
      engine.run({ op: 'download', sources: [source], dir, segmentsPerFile: connections }),
    );
    mustSucceed(down.value);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const base = await downloadBaselines(await downloadUrl(pan, fileId), { dir, connections, md5: etag });
    rmSync(dir, { recursive: true, force: true });
    line(name, {
      ...compare(down.value, base.curl, SIZE),
      ...engineFields(down.value, SIZE),
      pan_cpu_s: seconds(down.panMs),
      md5sum_s: seconds(base.md5sum.ms),
    });
    const verified = { ms: base.curl.ms + base.md5sum.ms, cpuMs: base.curl.cpuMs + base.md5sum.cpuMs };
    line(`${name}_vs_curl_md5sum`, compare(down.value, verified, SIZE));
    for (const [suffix, measured] of [
      ['aria2c_md5', base.aria2cChecked],
      ['aria2c', base.aria2c],
    ] as const) {
      if (measured === null) skipped(`${name}_vs_${suffix}`, 'aria2c not installed');
      else
        line(`${name}_vs_${suffix}`, {
          ...compare(down.value, measured, SIZE),
          connections: String(connections),
        });
    }
  }
  await setFaults(pan, { cdnBytesPerSecond: 0 });
}

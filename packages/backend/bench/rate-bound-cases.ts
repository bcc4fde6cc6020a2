/**
 * The cases bound by the service rather than by this machine: an upload through a capped
 * upload host (the speed-up slices in flight give) and many small files under the rate table
 * (against the least time its limits allow, small-files.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from './context';
import { MiB, SETTINGS, callList, engineFor, mustSucceed, rootChildId } from './context';
import { warm, writeRandomFile } from './files';
import { refusals, setFaults, withPanCpu } from './processes';
import { compare, engineFields, line, seconds } from './report';
import { downloadFloorMs, uploadFloorMs, writeSmallTree } from './small-files';

export async function cappedUpload(ctx: Ctx): Promise<void> {
  const { uploadCap, uploadCapSize, slicesInFlight } = SETTINGS;
  const engine = await engineFor(ctx, 'capped');
  // Two files: the second upload of the same bytes would be an instant one.
  const one = join(ctx.work, 'capped-1.bin');
  const many = join(ctx.work, 'capped-n.bin');
  await writeRandomFile(one, uploadCapSize);
  await writeRandomFile(many, uploadCapSize);
  await setFaults(ctx.pan, { uploadBytesPerSecond: uploadCap });
  try {
    await warm(one);
    const single = mustSucceed(
      await engine.run({ op: 'upload', paths: [one], parentId: 0, slicesPerFile: 1 }),
    );
    await warm(many);
    const parallel = mustSucceed(
      await engine.run({ op: 'upload', paths: [many], parentId: 0, slicesPerFile: slicesInFlight }),
    );
    const speedup = single.ms / parallel.ms;
    line('upload_capped', {
      speedup: speedup.toFixed(2),
      per_slice_in_flight: (speedup / slicesInFlight).toFixed(2),
      slices_in_flight: String(slicesInFlight),
      ...engineFields(parallel, uploadCapSize),
      one_slice_s: seconds(single.ms),
      one_slice_cpu_s: seconds(single.cpuMs),
      one_slice_phases: engineFields(single, uploadCapSize).phases ?? '-',
      cap_mbps: String(uploadCap / MiB),
      peak_rss_mb: String(Math.round(Math.max(single.peakRssMb, parallel.peakRssMb))),
    });
  } finally {
    await setFaults(ctx.pan, { uploadBytesPerSecond: 0 });
    rmSync(one, { force: true });
    rmSync(many, { force: true });
  }
}

export async function smallFiles(ctx: Ctx): Promise<void> {
  const { pan, work } = ctx;
  const { rateScale } = SETTINGS;
  const tree = writeSmallTree(join(work, 'small-tree'), SETTINGS.smallFiles, SETTINGS.smallFolders);
  await setFaults(pan, { rateLimits: true, rateScale });
  try {
    const engine = await engineFor(ctx, 'small', {
      rateScale,
      tuning: { completePollMs: Math.round(1000 / rateScale) },
    });
    const shape = { files: String(tree.files), folders: String(tree.folders), rate_scale: String(rateScale) };
    const refusedBefore = await refusals(pan);
    const up = await withPanCpu(pan, () => engine.run({ op: 'upload', paths: [tree.root], parentId: 0 }));
    const refusedUp = (await refusals(pan)) - refusedBefore;
    const upFloor = uploadFloorMs(tree, rateScale, SETTINGS.completePolls);
    line('small_files_upload', {
      ...compare(up.value, { ms: upFloor, cpuMs: Number.NaN }, tree.bytes),
      floor_s: seconds(upFloor),
      ...engineFields(up.value, tree.bytes),
      pan_cpu_s: seconds(up.panMs),
      pan_429: String(refusedUp),
      failed: String(up.value.failed),
      ...shape,
      calls: callList(up.value.calls),
    });
    const rootId = await rootChildId(pan, 'small-tree');
    const dir = join(work, 'small-down');
    mkdirSync(dir, { recursive: true });
    const source = { fileId: rootId, name: 'small-tree', type: 'folder' as const };
    const down = await withPanCpu(pan, () => engine.run({ op: 'download', sources: [source], dir }));
    const refusedDown = (await refusals(pan)) - refusedBefore - refusedUp;
    const downFloor = downloadFloorMs(tree, rateScale);
    line('small_files_download', {
      ...compare(down.value, { ms: downFloor, cpuMs: Number.NaN }, tree.bytes),
      floor_s: seconds(downFloor),
      ...engineFields(down.value, tree.bytes),
      pan_cpu_s: seconds(down.panMs),
      pan_429: String(refusedDown),
      failed: String(down.value.failed),
      ...shape,
      calls: callList(down.value.calls),
    });
  } finally {
    await setFaults(pan, { rateLimits: false, rateScale: 1 });
  }
}

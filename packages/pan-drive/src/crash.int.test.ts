/**
 * Crash test: a child process runs the engine over the shipped adapter on a mixed batch (files
 * from one-request size to 200 MiB, nested and empty folders, both directions) against fake-pan,
 * with the CDN and the upload host throttled per connection so kills land mid-transfer. It is
 * killed with SIGKILL several times, then left to finish. A small file goes up whole in one
 * request, or through create in slices that are all in flight at once (whichever the engine chose).
 *
 * In the end every file is complete and byte-identical on both sides, the drive holds no
 * duplicates and no queue entry was lost; and, counted by fake-pan, no item was sent or fetched
 * again beyond what the engine promises per crash: the pieces in flight (one slice or segment
 * per connection; a single-step file whole) plus what finished in the last journal interval.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan } from '@pandesk/fake-pan';
import { DEFAULT_TUNING } from '@pandesk/transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrashConfig } from './testing/crash-child';
import { journaledItems, localTree, md5, prefixed, prng, remoteTree, runChild } from './testing/crash-kit';

const KiB = 1024;
const MiB = 1024 * KiB;
const KILLS = 5;
const CONNECTIONS = 3;
const SLICE = 4 * MiB;
const SEGMENT = 2 * MiB;
/** Per-connection cap of the CDN and of the upload host, bytes per second. */
const CAP = 4 * MiB;
const JOURNAL_INTERVAL_MS = DEFAULT_TUNING.journalIntervalMs;
const SINGLE_MAX = DEFAULT_TUNING.singleUploadMaxBytes;
/** Multipart framing and text fields of one upload request, at most. */
const FRAMING = KiB;

/** What one crash may cost an item that was running when it came (the engine's promise). */
function boundPerCrash(direction: 'upload' | 'download', size: number): number {
  if (direction === 'upload')
    return size <= SINGLE_MAX ? size + Math.ceil(size / SLICE) * FRAMING : CONNECTIONS * (SLICE + FRAMING);
  // Segments in flight, plus segments finished in the last journal interval (at full speed,
  // and the one per connection that was already under way when that interval began).
  const window = CONNECTIONS * CAP * (JOURNAL_INTERVAL_MS / 1000) + CONNECTIONS * SEGMENT;
  return Math.min(size, CONNECTIONS * SEGMENT + window);
}

/**
 * Bytes of one clean transfer, over which anything is a resend: every slice carries its framing
 * (a small file sent in one request carries less, so its resends are undercounted by at most
 * the framing of its other slices).
 */
function cleanBytes(direction: 'upload' | 'download', size: number): number {
  if (direction === 'download') return size;
  return size + Math.ceil(size / SLICE) * FRAMING;
}

interface Measured {
  direction: 'upload' | 'download';
  name: string;
  size: number;
  md5: string;
}

describe('crash safety', () => {
  let pan: FakePan;
  let work: string;
  beforeAll(async () => {
    pan = await startFakePan({
      switches: { sliceSize: SLICE },
      faults: { rateLimits: false, completePolls: 2, cdnBytesPerSecond: CAP, uploadBytesPerSecond: CAP },
    });
    work = mkdtempSync(join(tmpdir(), 'pandesk-crash-'));
  });
  afterAll(async () => {
    await pan?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('loses no work to repeated SIGKILLs, and sends nothing again beyond the bound', async () => {
    const rand = prng(20261125);
    const measured: Measured[] = [];
    const up = join(work, 'up');
    const upFiles: [string, number][] = [
      ['up-200.bin', 200 * MiB],
      ['up-24.bin', 24 * MiB],
      ['nested/deeper/up-12.bin', 12 * MiB],
    ];
    for (let i = 0; i < 8; i++)
      upFiles.push([`${i % 3 === 0 ? 'nested/' : ''}small-${i}.dat`, 1 + Math.floor(rand() * 200_000)]);
    for (const [rel, size] of upFiles) {
      const bytes = randomBytes(size);
      mkdirSync(dirname(join(up, rel)), { recursive: true });
      writeFileSync(join(up, rel), bytes);
      measured.push({ direction: 'upload', name: rel.split('/').pop() ?? rel, size, md5: md5(bytes) });
    }
    mkdirSync(join(up, 'empty-folder'));
    const seed = pan.state.addFolder('/seed');
    const downFiles: [string, number][] = [
      ['/seed/down-200.bin', 200 * MiB],
      ['/seed/down-24.bin', 24 * MiB],
      ['/seed/down-12.bin', 12 * MiB + 17],
      ['/seed/sub/part.bin', 2 * MiB + 5],
    ];
    for (let i = 0; i < 6; i++) downFiles.push([`/seed/s${i}.txt`, 1 + Math.floor(rand() * 50_000)]);
    for (const [path, size] of downFiles) {
      const node = await pan.state.addFile(path, randomBytes(size));
      measured.push({ direction: 'download', name: node.name, size, md5: node.md5 });
    }
    pan.state.addFolder('/seed/hollow');
    const target = pan.state.addFolder('/target');
    const config: CrashConfig = {
      journalPath: join(work, 'journal.db'),
      baseUrl: pan.baseUrl,
      clientId: pan.clientId,
      clientSecret: pan.clientSecret,
      uploadDir: up,
      remoteParentId: target.id,
      downloadFolderId: seed.id,
      downloadDir: join(work, 'down'),
      limits: { uploadFiles: 3, downloadFiles: 3, slicesPerFile: CONNECTIONS, segmentsPerFile: CONNECTIONS },
      tuning: { segmentSize: SEGMENT, completePollMs: 200, backoffBaseMs: 200, backoffCapMs: 2000 },
    };
    mkdirSync(config.downloadDir);

    /** Per item (direction + name): how many kills found it running. */
    const crashesWhileRunning = new Map<string, number>();
    let killedMidWork = 0;
    for (let k = 0; k < KILLS; k++) {
      // The first kill comes early, while the single-step and 24 MiB files are under way; the
      // others late, so a run that journaled nothing would lose more than the bound allows.
      const delay = k === 0 ? 1000 + rand() * 800 : 4000 + rand() * 3000;
      const run = await runChild(config, Math.floor(delay));
      if (run.code === 0) break; // finished before the kill: nothing left to interrupt
      expect(run.err).not.toMatch(/crash-child failed/);
      if (!run.out.includes('ENQUEUED')) continue;
      killedMidWork++;
      for (const item of await journaledItems(config.journalPath)) {
        if (item.kind !== 'file' || item.state !== 'running') continue;
        const key = `${item.direction}:${item.name}`;
        crashesWhileRunning.set(key, (crashesWhileRunning.get(key) ?? 0) + 1);
      }
    }
    expect(killedMidWork).toBeGreaterThanOrEqual(3);
    const final = await runChild(config, null);
    expect(final.err).toBe('');
    expect(final.code).toBe(0);
    expect(final.out).toMatch(/DONE/);

    expect(remoteTree(pan, target.id)).toEqual(prefixed(localTree(up), 'up'));
    expect(localTree(join(config.downloadDir, 'seed'))).toEqual(remoteTree(pan, seed.id));
    expect(readdirSync(config.downloadDir)).toEqual(['seed']);
    const items = await journaledItems(config.journalPath);
    const expectedUploads = localTree(up).size + 1; // every file and folder, plus the top folder
    const expectedDownloads = remoteTree(pan, seed.id).size + 1;
    expect(items).toHaveLength(expectedUploads + expectedDownloads);
    expect(items.filter((i) => i.state !== 'completed')).toEqual([]);

    const report = measured.map((m) => {
      const crashes = crashesWhileRunning.get(`${m.direction}:${m.name}`) ?? 0;
      const moved = m.direction === 'upload' ? pan.traffic.uploadBytes(m.md5) : pan.traffic.cdnBytes(m.md5);
      const resent = moved - cleanBytes(m.direction, m.size);
      return {
        item: `${m.direction} ${m.name}`,
        size: m.size,
        crashes,
        resent,
        bound: crashes * boundPerCrash(m.direction, m.size),
      };
    });
    if (process.env.PANDESK_CRASH_REPORT)
      console.info(
        report
          .map((r) => `${r.item} ${r.size} crashes=${r.crashes} resent=${r.resent} bound=${r.bound}`)
          .join('\n'),
      );
    // Every size class was measured across at least one crash: single step, a few pieces, many.
    const crashed = (min: number, max: number) =>
      report.some((r) => r.crashes > 0 && r.size >= min && r.size <= max);
    expect([crashed(8 * MiB, SINGLE_MAX), crashed(20 * MiB, 30 * MiB), crashed(100 * MiB, Infinity)]).toEqual(
      [true, true, true],
    );
    expect(report.filter((r) => r.resent > r.bound)).toEqual([]);
  }, 240_000);
});

/**
 * Small files go up in one request; an unknown outcome (a crash, a lost answer) never leaves a
 * second copy, because the folder is looked at before the request is sent again.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DriveError } from '../ports';
import { hang } from '../testing/gates';
import type { Harness } from '../testing/harness';
import { createHarness } from '../testing/harness';
import { backoffMs } from '../util/backoff';

const KiB = 1024;
let h: Harness;
afterEach(async () => h?.cleanup());

function singleStepHarness(): Harness {
  return createHarness({
    engine: { tuning: { segmentSize: 256 * KiB, singleUploadMaxBytes: 64 * KiB, stallTimeoutMs: 0 } },
  });
}

const names = (): string[] =>
  h.drive
    .list(0)
    .map((e) => e.name)
    .sort();

describe('single-step upload', () => {
  it('sends a small file in one request and a larger one in slices', async () => {
    h = singleStepHarness();
    const small = h.file('small.bin', 64 * KiB);
    const large = h.file('large.bin', 64 * KiB + 1);
    h.engine.start();
    await h.engine.upload({ localPaths: [small, large], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    expect(h.byState('completed')).toHaveLength(2);
    expect(h.drive.calls).toMatchObject({ uploadSingle: 1, createUpload: 1, uploadSlice: 1 });
    const remote = h.drive.list(0).find((e) => e.name === 'small.bin');
    expect(remote && Buffer.from(h.drive.read(remote.fileId)).equals(readFileSync(small))).toBe(true);
  });

  it('does not upload again after a crash once the request had landed (under a keep-both name)', async () => {
    h = singleStepHarness();
    h.drive.addFile(0, 'note.txt', new TextEncoder().encode('an older note'));
    const path = h.file('note.txt', new TextEncoder().encode('the new note'));
    const original = h.drive.backend.uploadSingle;
    h.drive.backend.uploadSingle = async (req, body, signal) => {
      await original(req, body, signal); // the file landed as note(1).txt ...
      return hang(signal); // ... but the answer never arrived before the crash
    };
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.waitFor(() => h.drive.list(0).length === 2, 'the upload landed');
    await h.engine.close();
    h.drive.backend.uploadSingle = original;
    h.reopen().start();
    await h.engine.whenIdle();
    expect(h.items()[0]?.state).toBe('completed');
    expect(names()).toEqual(['note(1).txt', 'note.txt']);
    expect(h.drive.calls.uploadSingle).toBe(1);
  });

  it('looks before sending again when a request failed with an unknown outcome', async () => {
    h = singleStepHarness();
    const path = h.file('lost.bin', 10 * KiB);
    const original = h.drive.backend.uploadSingle;
    let calls = 0;
    h.drive.backend.uploadSingle = async (req, body, signal) => {
      const out = await original(req, body, signal);
      if (++calls === 1) throw new DriveError('network', 'the connection dropped before the answer');
      return out;
    };
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    expect(h.items()[0]).toMatchObject({ state: 'completed', error: null });
    expect(names()).toEqual(['lost.bin']);
    expect(calls).toBe(1);
  });

  it('sends again after an outcome that left nothing in the folder', async () => {
    h = singleStepHarness();
    const path = h.file('retry.bin', 10 * KiB);
    h.drive.failNext('uploadSingle', new DriveError('network', 'offline'), 2);
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    expect(h.items()[0]).toMatchObject({ state: 'completed', error: null });
    expect(names()).toEqual(['retry.bin']);
    expect(h.drive.calls.uploadSingle).toBe(3);
  });
});

describe('retry backoff', () => {
  it('grows exponentially to its cap, with jitter between half and all of it', () => {
    expect(backoffMs(0, 1000, 30_000, () => 0)).toBe(500);
    expect(backoffMs(0, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 30_000, () => 0.5)).toBe(6000);
    expect(backoffMs(10, 1000, 30_000, () => 1)).toBe(30_000);
    expect(backoffMs(10, 1000, 30_000, () => 0)).toBe(15_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(2, 1000, 30_000)));
    expect(spread.size).toBeGreaterThan(10);
    for (const d of spread) expect(d >= 2000 && d <= 4000).toBe(true);
  });
});

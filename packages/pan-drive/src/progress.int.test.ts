/**
 * Progress and waiting as a person sees them, through the shipped adapter and open-api against
 * fake-pan over HTTP: upload progress moves while one slice's body streams (not only when the
 * slice is acknowledged), and an item the service keeps answering 429 shows why it waits.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransferItem } from '@pandesk/contract';
import type { PanKit } from './testing/pan-kit';
import { startPanKit } from './testing/pan-kit';

const MiB = 1024 * 1024;
let kit: PanKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

function watch(k: PanKit): TransferItem[] {
  const seen: TransferItem[] = [];
  k.engine.onSnapshot((s) => seen.push(...s.changed));
  return seen;
}

describe('progress through the adapter', () => {
  it('moves inside a single slice as its body is sent to a slow upload host', async () => {
    const size = 16 * MiB;
    const k = (kit = await startPanKit({
      // One slice for the whole file, read by the upload host at 4 MiB/s: about four seconds.
      fakePan: { switches: { sliceSize: size }, faults: { uploadBytesPerSecond: 4 * MiB } },
      engine: { tuning: { singleUploadMaxBytes: 0 } },
    }));
    const seen = watch(k);
    const path = join(k.work, 'one-slice.bin');
    writeFileSync(path, randomBytes(size));
    await k.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await k.engine.whenIdle();
    expect(k.items()[0]?.state).toBe('completed');
    const during = seen.filter((i) => i.state === 'running' && i.bytesDone > 0 && i.bytesDone < size);
    expect(during.length).toBeGreaterThan(0);
  });

  it('shows "rate limited" while open-api waits out 429 answers by itself, then completes', async () => {
    const k = (kit = await startPanKit({
      client: { retry: { baseMs: 200 } },
      engine: { tuning: { singleUploadMaxBytes: 0 } },
    }));
    const seen = watch(k);
    await k.client.auth.getAccessToken(); // the 429s are for the upload's calls, not the sign-in
    k.pan.faults.set({ force429Next: 3 });
    const path = join(k.work, 'limited.bin');
    writeFileSync(path, randomBytes(2 * MiB));
    await k.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await k.engine.whenIdle();
    const waiting = seen.filter((i) => i.state === 'running' && i.phase === 'waiting_network');
    expect(waiting.map((i) => i.error?.reason)).toContain('rate_limited');
    expect(k.items()[0]).toMatchObject({ state: 'completed', error: null });
  });
});

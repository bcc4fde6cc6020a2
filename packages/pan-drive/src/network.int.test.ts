/**
 * Losing the network mid-transfer: every item in flight waits ("waiting for network", still
 * running, not failed) and goes on by itself once the network is back, through dropped
 * connections and slow answers, sending again no more than the pieces that were in flight.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetworkSwitch } from './testing/network';
import type { PanKit } from './testing/pan-kit';
import { startPanKit } from './testing/pan-kit';

const MiB = 1024 * 1024;
let kit: PanKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('network loss', () => {
  it('waits for the network, continues by itself, and sends again only what was in flight', async () => {
    const network = createNetworkSwitch();
    const k = (kit = await startPanKit({
      fetch: network.fetch,
      fakePan: {
        switches: { sliceSize: MiB },
        faults: { cdnBytesPerSecond: 2 * MiB, uploadBytesPerSecond: 2 * MiB },
      },
      engine: {
        tuning: { segmentSize: MiB, singleUploadMaxBytes: MiB },
        limits: { slicesPerFile: 2, segmentsPerFile: 2 },
      },
    }));
    const up = randomBytes(10 * MiB);
    const small = randomBytes(MiB);
    writeFileSync(join(k.work, 'up.bin'), up);
    writeFileSync(join(k.work, 'small.bin'), small);
    const down = randomBytes(10 * MiB);
    const remote = await k.pan.state.addFile('/down.bin', down);
    await k.engine.upload({
      localPaths: [join(k.work, 'up.bin'), join(k.work, 'small.bin')],
      remoteParentId: 0,
      conflict: 'keep_both',
    });
    await k.engine.download({
      sources: [{ fileId: remote.id, name: 'down.bin', type: 'file', size: remote.size, etag: remote.md5 }],
      localDir: join(k.work, 'down'),
      conflict: 'keep_both',
    });
    const item = (name: string) => k.items().find((i) => i.name === name);
    await until(
      () => (item('up.bin')?.bytesDone ?? 0) >= 2 * MiB && (item('down.bin')?.bytesDone ?? 0) >= 2 * MiB,
      'progress',
    );

    network.down();
    await until(
      () => ['up.bin', 'down.bin'].every((n) => item(n)?.phase === 'waiting_network') && network.refused >= 6,
      'both waiting for the network',
    );
    for (const name of ['up.bin', 'down.bin'])
      expect(item(name)).toMatchObject({ state: 'running', error: { code: 'network', retryable: true } });
    expect(k.items(['failed'])).toEqual([]);

    // Back, but flaky at first: the next API connections are dropped and every answer is slow.
    k.pan.faults.set({ dropConnectionNext: 3, responseDelayMs: 200 });
    network.up();
    await k.engine.whenIdle();
    expect(k.items().map((i) => [i.name, i.state, i.error])).toEqual(
      expect.arrayContaining([
        ['up.bin', 'completed', null],
        ['small.bin', 'completed', null],
        ['down.bin', 'completed', null],
      ]),
    );
    expect(k.pan.faults.get().dropConnectionNext).toBe(0);
    expect(readFileSync(join(k.work, 'down', 'down.bin')).equals(down)).toBe(true);
    expect(k.pan.state.find('/up.bin')?.md5).toBe(md5(up));
    // One outage: at most the pieces in flight (2 connections of 1 MiB each way) are sent
    // again, plus the multipart framing of each slice request.
    const framing = 64 * 1024;
    expect(k.pan.traffic.uploadBytes(md5(up)) - up.length).toBeLessThanOrEqual(2 * MiB + framing);
    expect(k.pan.traffic.uploadBytes(md5(small)) - small.length).toBeLessThanOrEqual(small.length + framing);
    expect(k.pan.traffic.cdnBytes(remote.md5) - down.length).toBeLessThanOrEqual(2 * MiB);
  });
});

function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}

/**
 * What a person sees of a running item: progress inside a slice as its bytes are sent, shown
 * progress that never goes backwards, the reason whenever it waits, and a phase from the start.
 */
import { mkdir as realMkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransferItem } from '@pandesk/contract';
import { nodeFs } from './local-fs';
import { DriveError } from './ports';
import type { DriveBackend } from './ports';
import { createGate } from './testing/gates';
import type { Harness } from './testing/harness';
import { createHarness } from './testing/harness';

const MiB = 1024 * 1024;
let h: Harness;
afterEach(async () => h?.cleanup());

const only = (): TransferItem => {
  const item = h.items()[0];
  if (!item) throw new Error('no item');
  return item;
};

/** Replaces one backend call; `original` is the memory drive's. */
function wrap<K extends keyof DriveBackend>(
  backend: DriveBackend,
  key: K,
  make: (original: DriveBackend[K]) => DriveBackend[K],
): void {
  backend[key] = make(backend[key].bind(backend) as DriveBackend[K]);
}

describe('upload progress', () => {
  it('moves inside a slice as its bytes are sent, before the slice is acknowledged', async () => {
    h = createHarness({ drive: { sliceSize: 2 * MiB } });
    const gate = createGate();
    wrap(h.drive.backend, 'uploadSlice', (original) => async (session, slice, signal, onWait) => {
      const half = new Uint8Array(slice.body.size / 2);
      await slice.body.read(half, 0);
      slice.body.sent?.(half.byteLength);
      await gate.promise;
      return original(session, slice, signal, onWait);
    });
    const path = h.file('big.bin', 2 * MiB);
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.waitFor(() => only().bytesDone > 0, 'bytes sent');
    expect(only()).toMatchObject({ state: 'running', phase: 'uploading', bytesDone: MiB });
    gate.open();
    await h.engine.whenIdle();
    expect(only()).toMatchObject({ state: 'completed', bytesDone: 2 * MiB });
  });

  it('never shows less than before when a slice is sent again', async () => {
    h = createHarness({ drive: { sliceSize: 2 * MiB } });
    let attempts = 0;
    wrap(h.drive.backend, 'uploadSlice', (original) => async (session, slice, signal, onWait) => {
      if (++attempts === 1) {
        slice.body.sent?.(1.5 * MiB);
        throw new DriveError('network', 'connection reset');
      }
      return original(session, slice, signal, onWait);
    });
    const shown: number[] = [];
    h.engine.onSnapshot((s) => s.changed.forEach((i) => shown.push(i.bytesDone)));
    const path = h.file('again.bin', 2 * MiB);
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    expect(attempts).toBe(2);
    expect(only().state).toBe('completed');
    expect(shown).toContain(1.5 * MiB);
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeGreaterThanOrEqual(shown[i - 1] as number);
  });
});

describe('waiting', () => {
  it('shows the reason the backend gives while it repeats a request by itself, and clears it after', async () => {
    h = createHarness();
    const gate = createGate();
    wrap(h.drive.backend, 'createUpload', (original) => async (request, signal, onWait) => {
      onWait?.({ reason: 'rate_limited', delayMs: 500 });
      await gate.promise;
      return original(request, signal, onWait);
    });
    const path = h.file('slow.bin', 3 * MiB);
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.waitFor(() => only().phase === 'waiting_network', 'waiting');
    expect(only()).toMatchObject({
      state: 'running',
      error: { code: 'rate_limited', reason: 'rate_limited', retryable: true },
    });
    gate.open();
    await h.engine.whenIdle();
    expect(only()).toMatchObject({ state: 'completed', error: null });
  });

  it('says the service had server trouble when its own waits are about that', async () => {
    h = createHarness();
    let failures = 0;
    wrap(h.drive.backend, 'createUpload', (original) => async (request, signal, onWait) => {
      if (failures++ < 1) throw new DriveError('network', 'HTTP 502', { reason: 'service_unavailable' });
      return original(request, signal, onWait);
    });
    const reasons: (string | undefined)[] = [];
    h.engine.onSnapshot((s) => s.changed.forEach((i) => reasons.push(i.error?.reason)));
    const path = h.file('gateway.bin', 3 * MiB);
    h.engine.start();
    await h.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await h.engine.whenIdle();
    expect(reasons).toContain('service_unavailable');
    expect(only().state).toBe('completed');
  });
});

describe('phase', () => {
  it('is named from the moment an item runs, never left blank', async () => {
    const gate = createGate();
    const fs = {
      ...nodeFs,
      mkdir: async (...args: Parameters<typeof realMkdir>) => {
        await gate.promise;
        return realMkdir(...args);
      },
    } as typeof nodeFs;
    h = createHarness({ engine: { fs } });
    const file = h.drive.addFile(0, 'movie.bin', new Uint8Array(MiB).fill(3));
    h.engine.start();
    await h.engine.download({
      sources: [{ fileId: file.fileId, name: 'movie.bin', type: 'file', size: MiB, etag: file.etag }],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.waitFor(() => only().state === 'running', 'running');
    expect(only().phase).toBe('downloading');
    gate.open();
    await h.engine.whenIdle();
    expect(only().state).toBe('completed');
  });
});

/**
 * The engine against fake-pan over real HTTP on loopback, through the open-api client: a 302
 * hop on the CDN, connections cut mid-body, download URLs that expire during the download,
 * "verifying" (20103) answers on completion, and a folder round trip.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan } from '@pandesk/fake-pan';
import { createPanClient } from '@pandesk/open-api';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransferEngine } from './engine';
import { createTransferEngine } from './engine';
import { createPanBackend } from './testing/pan-backend';

const MiB = 1024 * 1024;
let pan: FakePan | undefined;
let engine: TransferEngine | undefined;
let work: string | undefined;
let urlCalls = 0;
let createCalls = 0;

afterEach(async () => {
  await engine?.close();
  await pan?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  engine = pan = work = undefined;
});

async function setUp(
  options: Parameters<typeof startFakePan>[0],
): Promise<{ pan: FakePan; engine: TransferEngine; work: string }> {
  pan = await startFakePan({ ...options, faults: { rateLimits: false, ...options?.faults } });
  work = mkdtempSync(join(tmpdir(), 'pandesk-int-'));
  const client = createPanClient({
    baseUrl: pan.baseUrl,
    credentials: { kind: 'client', clientId: pan.clientId, clientSecret: pan.clientSecret },
    rateTable: false,
  });
  const backend = createPanBackend(client);
  const downloadUrl = backend.downloadUrl;
  urlCalls = 0;
  backend.downloadUrl = (fileId, signal) => (urlCalls++, downloadUrl(fileId, signal));
  const createUpload = backend.createUpload;
  createCalls = 0;
  backend.createUpload = (req, signal) => {
    // The second session lives long enough: the test is about recovering from the first.
    if (++createCalls === 2) pan?.faults.set({ uploadSessionLifetimeSec: 3600 });
    return createUpload(req, signal);
  };
  engine = createTransferEngine({
    journalPath: join(work, 'journal.db'),
    backend,
    tuning: {
      segmentSize: MiB,
      completePollMs: 100,
      backoffBaseMs: 100,
      backoffCapMs: 1000,
      urlExpiryMarginMs: 0,
    },
  });
  engine.start();
  return { pan, engine, work };
}

describe('engine against fake-pan', () => {
  it('round-trips a folder through 302 hops, cut connections and "verifying" answers', async () => {
    const t = await setUp({
      switches: { sliceSize: MiB, cdnRedirect: true, completeNotYetStyle: '20103' },
      faults: { completePolls: 3, cdnCutAfterBytes: 300_000, cdnCutNext: 3 },
    });
    const src = join(t.work, 'src');
    mkdirSync(join(src, 'inner', 'empty'), { recursive: true });
    const files: Record<string, Buffer> = {
      'a.bin': randomBytes(3 * MiB + 5),
      'inner/b.bin': randomBytes(700_000),
      'inner/c.txt': Buffer.from('hello'),
    };
    for (const [rel, bytes] of Object.entries(files)) writeFileSync(join(src, rel), bytes);
    const target = t.pan.state.addFolder('/target');
    await t.engine.upload({ localPaths: [src], remoteParentId: target.id, conflict: 'keep_both' });
    await t.engine.whenIdle();
    expect(t.engine.getSummary().byState.completed).toBe(6);
    const uploaded = t.pan.state.find('/target/src');
    expect(uploaded?.type).toBe(1);
    expect(t.pan.state.find('/target/src/inner/empty')?.type).toBe(1);

    await t.engine.download({
      sources: [{ fileId: uploaded?.id ?? 0, name: 'src', type: 'folder' }],
      localDir: join(t.work, 'down'),
      conflict: 'keep_both',
    });
    await t.engine.whenIdle();
    expect(t.engine.getSummary().byState.failed).toBe(0);
    for (const [rel, bytes] of Object.entries(files))
      expect(readFileSync(join(t.work, 'down', 'src', rel)).equals(bytes)).toBe(true);
    expect(readdirSync(join(t.work, 'down', 'src', 'inner', 'empty'))).toEqual([]);
  });

  it('renews download URLs that expire in the middle of a slow download', async () => {
    const t = await setUp({ faults: { downloadUrlLifetimeSec: 1, cdnBytesPerSecond: 2 * MiB } });
    const bytes = randomBytes(8 * MiB); // 2 connections at 2 MiB/s: about 2 s, URLs live 1 s
    const node = await t.pan.state.addFile('/slow.bin', bytes);
    t.engine.setLimits({ segmentsPerFile: 2 });
    await t.engine.download({
      sources: [{ fileId: node.id, name: 'slow.bin', type: 'file', size: node.size, etag: node.md5 }],
      localDir: join(t.work, 'down'),
      conflict: 'overwrite',
    });
    await t.engine.whenIdle();
    expect(t.engine.getPage({ offset: 0, limit: 10 }).items[0]).toMatchObject({
      state: 'completed',
      error: null,
    });
    expect(readFileSync(join(t.work, 'down', 'slow.bin')).equals(bytes)).toBe(true);
    expect(urlCalls).toBeGreaterThanOrEqual(2);
  });

  it('lets a second upload of the same content end at create (instant upload)', async () => {
    const t = await setUp({ switches: { sliceSize: MiB } });
    const path = join(t.work, 'same.bin');
    writeFileSync(path, randomBytes(2 * MiB));
    await t.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await t.engine.whenIdle();
    await t.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await t.engine.whenIdle();
    const names = t.pan.state
      .list(0)
      .filter((n) => !n.trashed)
      .map((n) => n.name)
      .sort();
    expect(names).toEqual(['same(1).bin', 'same.bin']);
    expect(t.engine.getSummary().byState.completed).toBe(2);
  });

  it('starts again from create when the upload session expires midway', async () => {
    const t = await setUp({ switches: { sliceSize: MiB }, faults: { uploadSessionLifetimeSec: 2 } });
    t.engine.setLimits({ uploadBytesPerSecond: MiB, slicesPerFile: 1 }); // slices at about 0 s, 1 s, 2 s, 3 s
    const bytes = randomBytes(4 * MiB);
    const path = join(t.work, 'expiring.bin');
    writeFileSync(path, bytes);
    await t.engine.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });
    await t.engine.whenIdle();
    expect(t.engine.getPage({ offset: 0, limit: 10 }).items[0]).toMatchObject({
      state: 'completed',
      error: null,
    });
    expect(createCalls).toBe(2);
    const live = t.pan.state.list(0).filter((n) => !n.trashed);
    expect(live.map((n) => n.name)).toEqual(['expiring.bin']);
    expect(live[0]?.size).toBe(bytes.length);
  });
});

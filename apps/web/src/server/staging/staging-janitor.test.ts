import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createEventHub, ok } from '@pandesk/contract';
import { createRecordingHandlers } from '@pandesk/contract/testing';
import type { TransferItem, TransferState, TransferSnapshot } from '@pandesk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStagingArea } from './staging-area';
import type { StagingArea } from './staging-area';
import { createStagingJanitor } from './staging-janitor';

let dir: string;
let staging: StagingArea;
let queue: TransferItem[];

function item(localPath: string, state: TransferState): TransferItem {
  return { id: `t${queue.length}`, localPath, state, direction: 'upload', batchId: 'b' } as TransferItem;
}

function harness(now: () => number = Date.now, debounceMs = 10_000) {
  const { handlers } = createRecordingHandlers(async (channel, input) => {
    if (channel === 'transfers:page') {
      const { offset, limit } = input as { offset: number; limit: number };
      return ok({ total: queue.length, offset, items: queue.slice(offset, offset + limit) });
    }
    return ok({ batchId: 'engine-batch' });
  });
  const hub = createEventHub();
  const janitor = createStagingJanitor({
    staging,
    api: handlers,
    events: hub,
    debounceMs,
    orphanGraceMs: 1_000,
    now,
  });
  return { janitor, hub };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandesk-janitor-'));
  staging = createStagingArea(join(dir, 'staging'));
  queue = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function stage(batch: string, name: string): Promise<string> {
  return (await staging.writeFile(batch, [name], Readable.from([Buffer.from('x')]))).topLevel;
}

describe('createStagingJanitor', () => {
  it('removes a staged batch once all its items finished, not before', async () => {
    const { janitor } = harness();
    const a = await stage('batch-aaaa', 'a.txt');
    const b = await stage('batch-aaaa', 'b.txt');
    expect(
      (await janitor.api.transfers.upload({ localPaths: [a, b], remoteParentId: 0, conflict: 'keep_both' }))
        .ok,
    ).toBe(true);
    expect(janitor.pending()).toEqual(['batch-aaaa']);
    queue.push(item(a, 'completed'), item(b, 'running'));
    await janitor.check();
    expect(await staging.listBatches()).toEqual(['batch-aaaa']);
    queue[1] = item(b, 'completed');
    await janitor.check();
    expect(await staging.listBatches()).toEqual([]);
    expect(janitor.pending()).toEqual([]);
    janitor.close();
  });

  it('keeps the batch of a cancelled upload, which can be retried', async () => {
    const { janitor } = harness();
    const a = await stage('batch-cccc', 'a.txt');
    await janitor.api.transfers.upload({ localPaths: [a], remoteParentId: 0, conflict: 'keep_both' });
    queue.push(item(a, 'cancelled'));
    await janitor.check();
    expect(await staging.listBatches()).toEqual(['batch-cccc']);
    janitor.close();
  });

  it('keeps a batch while an item failed (retry needs the bytes), releases it once cleared', async () => {
    const { janitor } = harness();
    const a = await stage('batch-bbbb', 'a.txt');
    await janitor.api.transfers.upload({ localPaths: [a], remoteParentId: 0, conflict: 'keep_both' });
    queue.push(item(a, 'failed'));
    await janitor.check();
    expect(await staging.listBatches()).toEqual(['batch-bbbb']);
    queue = [];
    let clock = Date.now() + 5_000;
    const later = harness(() => clock);
    await later.janitor.api.transfers.upload({ localPaths: [a], remoteParentId: 0, conflict: 'keep_both' });
    await later.janitor.check();
    expect(await staging.listBatches()).toEqual(['batch-bbbb']);
    clock += 2_000;
    await later.janitor.check();
    expect(await staging.listBatches()).toEqual([]);
    janitor.close();
    later.janitor.close();
  });

  it('ignores uploads of ordinary local paths', async () => {
    const { janitor } = harness();
    await janitor.api.transfers.upload({
      localPaths: ['/home/me/file.txt'],
      remoteParentId: 0,
      conflict: 'keep_both',
    });
    expect(janitor.pending()).toEqual([]);
    janitor.close();
  });

  it('a queue change schedules the check by itself', async () => {
    const { janitor, hub } = harness(Date.now, 5);
    const a = await stage('batch-cccc', 'a.txt');
    await janitor.api.transfers.upload({ localPaths: [a], remoteParentId: 0, conflict: 'keep_both' });
    queue.push(item(a, 'completed'));
    hub.emit('transfers:changed', {} as TransferSnapshot);
    for (let i = 0; i < 500 && (await staging.listBatches()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await staging.listBatches()).toEqual([]);
    janitor.close();
  });

  it('sweeps at start every batch no live item refers to', async () => {
    const live = await stage('batch-live', 'a.txt');
    await stage('batch-done', 'b.txt');
    await stage('batch-lost', 'c.txt');
    queue.push(item(live, 'paused'), item(join(staging.root, 'batch-done', 'b.txt'), 'completed'));
    const { janitor } = harness();
    await janitor.sweep();
    expect(await staging.listBatches()).toEqual(['batch-live']);
    janitor.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { TransferSnapshot, TransferSummary } from '@pandesk/contract';
import type { JournalItem } from './journal/records';
import { createSnapshotPublisher, HEARTBEAT_MS, MAX_CHANGED_PER_SNAPSHOT, toTransferItem } from './snapshots';
import { createManualClock } from '@pandesk/contract/testing';

function row(id: string): JournalItem {
  return {
    id,
    seq: 1,
    batchId: 'b',
    parentItemId: null,
    dedupKey: null,
    direction: 'upload',
    kind: 'file',
    name: id,
    localPath: `/x/${id}`,
    remoteParentId: 0,
    remoteFileId: null,
    size: 100,
    etag: null,
    bytesDone: 0,
    state: 'running',
    pauseReason: null,
    errorCode: 'network',
    errorMessage: 'retrying',
    errorRetryable: true,
    errorReason: 'rate_limited',
    errorParams: '{"host":"h"}',
    errorDetail: null,
    conflict: 'keep_both',
    priority: 0,
    createdAt: 0,
    updatedAt: 0,
    finishedAt: null,
    sessionJson: '{"secret":1}',
    finalPath: null,
    createAttempted: false,
  };
}

const summary = { total: 0 } as unknown as TransferSummary;

describe('snapshots', () => {
  it('are deep-frozen plain objects without internal fields', () => {
    const item = toTransferItem(row('a'), { phase: 'uploading', bytesDone: 50, speedBps: 25 });
    expect(Object.isFrozen(item)).toBe(true);
    expect(Object.isFrozen(item.error)).toBe(true);
    expect(item).toMatchObject({ bytesDone: 50, speedBps: 25, etaSeconds: 2, phase: 'uploading' });
    expect('sessionJson' in item).toBe(false);
    expect(JSON.parse(JSON.stringify(item))).toEqual(item);
  });

  it('are throttled to one push per interval and batch every change in between', async () => {
    const clock = createManualClock();
    const pushes: TransferSnapshot[] = [];
    const publisher = createSnapshotPublisher(clock, 250, {
      summary: () => summary,
      items: (ids) => ids.map((id) => toTransferItem(row(id))),
      live: () => [],
    });
    publisher.subscribe((s) => pushes.push(s));
    publisher.changed('a');
    await clock.advance(0);
    expect(pushes).toHaveLength(1);
    for (let i = 0; i < 100; i++) publisher.changed(`i${i % 10}`);
    await clock.advance(100);
    expect(pushes).toHaveLength(1);
    await clock.advance(150);
    expect(pushes).toHaveLength(2);
    expect(pushes[1]?.changed.map((c) => c.id).sort()).toEqual([
      'i0',
      'i1',
      'i2',
      'i3',
      'i4',
      'i5',
      'i6',
      'i7',
      'i8',
      'i9',
    ]);
    expect(Object.isFrozen(pushes[1])).toBe(true);
    expect(pushes[1]?.seq).toBe(2);
  });

  it('summarise instead of flooding when very many items changed', async () => {
    const clock = createManualClock();
    const pushes: TransferSnapshot[] = [];
    const publisher = createSnapshotPublisher(clock, 250, {
      summary: () => summary,
      items: (ids) => ids.map((id) => toTransferItem(row(id))),
      live: () => [],
    });
    publisher.subscribe((s) => pushes.push(s));
    for (let i = 0; i < 100_000; i++) publisher.changed(`id${i}`);
    await clock.advance(0);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.resync).toBe(true);
    expect(pushes[0]?.changed.length).toBeLessThanOrEqual(MAX_CHANGED_PER_SNAPSHOT);
    publisher.removed('x');
    await clock.advance(250);
    expect(pushes[1]).toMatchObject({ removed: ['x'], resync: false });
  });

  it('push running items at least once a second even when nothing changed, and stop when none runs', async () => {
    const clock = createManualClock();
    const pushes: TransferSnapshot[] = [];
    let running = ['a'];
    const publisher = createSnapshotPublisher(clock, 250, {
      summary: () => summary,
      items: (ids) => ids.map((id) => toTransferItem(row(id))),
      live: () => running,
    });
    publisher.subscribe((s) => pushes.push(s));
    await clock.advance(0);
    expect(pushes).toHaveLength(1);
    await clock.advance(HEARTBEAT_MS);
    expect(pushes).toHaveLength(2);
    expect(pushes[1]?.changed.map((c) => c.id)).toEqual(['a']);
    running = [];
    await clock.advance(HEARTBEAT_MS);
    expect(pushes).toHaveLength(3);
    await clock.advance(5 * HEARTBEAT_MS);
    expect(pushes).toHaveLength(3);
    publisher.close();
  });

  it('carry an error with its reason and params', () => {
    const item = toTransferItem(row('a'));
    expect(item.error).toEqual({
      code: 'network',
      reason: 'rate_limited',
      message: 'retrying',
      retryable: true,
      params: { host: 'h' },
    });
  });
});

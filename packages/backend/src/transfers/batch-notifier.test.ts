import type { TransferItem, TransferPageQuery, TransferSnapshot, TransferSummary } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { createBatchNotifier, describeBatch } from './batch-notifier';

/** A fake queue: items by id, paged the way the engine pages (filter by state, offset/limit). */
function fakeQueue() {
  const items = new Map<string, TransferItem>();
  let reads = 0;
  const set = (
    id: string,
    batchId: string,
    state: TransferItem['state'],
    extra: Partial<TransferItem> = {},
  ) => {
    const item = { id, batchId, state, kind: 'file', direction: 'upload', ...extra } as TransferItem;
    items.set(id, item);
    return item;
  };
  const read = (q: TransferPageQuery) => {
    reads += 1;
    const all = [...items.values()].filter((i) => q.states === undefined || q.states.includes(i.state));
    return { total: all.length, offset: q.offset, items: all.slice(q.offset, q.offset + q.limit) };
  };
  return { items, set, read, reads: () => reads };
}

const snap = (changed: TransferItem[], extra: Partial<TransferSnapshot> = {}): TransferSnapshot => ({
  seq: 1,
  summary: {} as TransferSummary,
  changed,
  removed: [],
  resync: false,
  ...extra,
});

function setup() {
  const q = fakeQueue();
  const calls: string[] = [];
  const notifier = createBatchNotifier({ notify: (t, b) => calls.push(`${t} | ${b}`) }, q.read);
  return { q, calls, notifier };
}

describe('batch notifier', () => {
  it('notifies once per batch when two overlapping batches finish at different times', () => {
    const { q, calls, notifier } = setup();
    q.set('a1', 'A', 'running');
    q.set('a2', 'A', 'queued');
    q.set('a3', 'A', 'queued');
    notifier.track('A');
    q.set('b1', 'B', 'queued', { direction: 'download' });
    q.set('b2', 'B', 'queued', { direction: 'download' });
    notifier.track('B');
    expect(calls).toEqual([]);

    notifier.onSnapshot(
      snap([q.set('a1', 'A', 'completed'), q.set('b1', 'B', 'failed', { direction: 'download' })]),
    );
    expect(calls).toEqual([]);
    notifier.onSnapshot(snap([q.set('a2', 'A', 'failed'), q.set('a3', 'A', 'completed')]));
    expect(calls).toEqual(['Upload finished with 1 failure | 2 files done, 1 failed.']);

    notifier.onSnapshot(snap([q.set('b2', 'B', 'failed', { direction: 'download' })]));
    expect(calls).toEqual([
      'Upload finished with 1 failure | 2 files done, 1 failed.',
      'Download finished with 2 failures | 0 files done, 2 failed.',
    ]);

    // Later snapshots touching the same batches (e.g. a retry that fails again) stay quiet.
    notifier.onSnapshot(snap([q.set('b2', 'B', 'failed', { direction: 'download' })], { resync: true }));
    expect(calls).toHaveLength(2);
  });

  it('never notifies for batches it was not told about (reloaded from the journal)', () => {
    const { q, calls, notifier } = setup();
    q.set('old', 'OLD', 'completed');
    notifier.onSnapshot(snap([q.items.get('old')!], { resync: true }));
    notifier.onSnapshot(snap([q.set('old2', 'OLD', 'completed')]));
    expect(calls).toEqual([]);
  });

  it('waits for paused items and for folder scans, and counts files only', () => {
    const { q, calls, notifier } = setup();
    q.set('f', 'A', 'running', { kind: 'folder' });
    q.set('x', 'A', 'paused');
    notifier.track('A');
    notifier.onSnapshot(snap([q.set('f', 'A', 'completed', { kind: 'folder' })]));
    expect(calls).toEqual([]);
    q.set('y', 'A', 'skipped');
    notifier.onSnapshot(snap([q.set('x', 'A', 'cancelled')]));
    expect(calls).toEqual(['Upload finished | 0 files done, 1 skipped, 1 cancelled.']);
  });

  it('re-checks on resync and on removals, and notifies a batch that was done when tracked', () => {
    const { q, calls, notifier } = setup();
    q.set('a', 'A', 'queued');
    notifier.track('A');
    q.set('a', 'A', 'completed');
    notifier.onSnapshot(snap([], { resync: true }));
    q.set('b', 'B', 'completed');
    notifier.track('B');
    expect(calls).toEqual(['Upload finished | 1 file done.', 'Upload finished | 1 file done.']);
  });

  it('reads only when a tracked batch may be done, and pages through large queues', () => {
    const { q, calls, notifier } = setup();
    for (let i = 0; i < 2500; i += 1) q.set(`o${i}`, 'OTHER', 'queued');
    q.set('a', 'A', 'running');
    notifier.track('A');
    const before = q.reads();
    notifier.onSnapshot(snap([q.items.get('o1')!]));
    expect(q.reads()).toBe(before);
    notifier.onSnapshot(snap([q.set('a', 'A', 'completed')]));
    expect(calls).toEqual(['Upload finished | 1 file done.']);
  });

  it('describes batches in plain words', () => {
    const t = { direction: 'download' as const, files: 12, failed: 0, skipped: 0, cancelled: 0 };
    expect(describeBatch(t)).toEqual({ title: 'Download finished', body: '12 files done.' });
  });
});

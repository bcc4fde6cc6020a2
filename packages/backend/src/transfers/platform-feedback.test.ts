import type { TransferItem, TransferSnapshot, TransferSummary } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '@pandesk/transfer';
import { createPlatformFeedback } from './platform-feedback';

function summary(running: number, queued: number, done: number, total: number): TransferSummary {
  const dir = { running, queued, bytesDone: done, bytesTotal: total, speedBps: 0 };
  return {
    total: running + queued,
    byState: { queued, running, paused: 0, completed: 0, failed: 0, cancelled: 0, skipped: 0 },
    upload: dir,
    download: { running: 0, queued: 0, bytesDone: 0, bytesTotal: 0, speedBps: 0 },
    authBlocked: false,
    limits: DEFAULT_LIMITS,
  };
}

const item = (id: string, state: TransferItem['state']): TransferItem =>
  ({ id, kind: 'file', state, direction: 'upload' }) as TransferItem;

const snap = (s: TransferSummary, changed: TransferItem[] = []): TransferSnapshot => ({
  seq: 1,
  summary: s,
  changed,
  removed: [],
  resync: false,
});

describe('platform feedback', () => {
  it('keeps awake while active, shows progress, and leaves notifying to the batch notifier', () => {
    const calls: string[] = [];
    const feedback = createPlatformFeedback(
      {
        keepAwake: (on) => calls.push(`awake:${on}`),
        setProgress: (f) => calls.push(`progress:${f}`),
        notify: (t, b) => calls.push(`notify:${b}`),
      },
      true,
    );
    feedback.onSnapshot(snap(summary(1, 1, 50, 100)));
    feedback.onSnapshot(snap(summary(1, 0, 50, 100)));
    feedback.onSnapshot(snap(summary(0, 0, 100, 100), [item('a', 'completed'), item('b', 'failed')]));
    expect(calls).toEqual(['progress:0.5', 'awake:true', 'progress:null', 'awake:false']);
  });

  it('does not keep awake when the setting is off, and applies a change live', () => {
    const calls: string[] = [];
    const feedback = createPlatformFeedback({ keepAwake: (on) => calls.push(`awake:${on}`) }, false);
    feedback.onSnapshot(snap(summary(1, 0, 0, 10)));
    expect(calls).toEqual([]);
    feedback.setKeepAwakeAllowed(true);
    expect(calls).toEqual(['awake:true']);
    feedback.reset();
    expect(calls).toEqual(['awake:true', 'awake:false']);
  });

  it('stays quiet without hooks', () => {
    const feedback = createPlatformFeedback({}, true);
    expect(() => feedback.onSnapshot(snap(summary(0, 0, 0, 0), [item('x', 'completed')]))).not.toThrow();
  });
});

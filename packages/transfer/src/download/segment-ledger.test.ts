import { describe, expect, it } from 'vitest';
import type { Journal } from '../journal/journal';
import { createManualClock } from '@pandesk/contract/testing';
import { createSegmentLedger } from './segment-ledger';

function recordingJournal(log: string[]): Journal {
  return {
    transaction: <T>(fn: () => T): T => {
      log.push('commit');
      return fn();
    },
    addPart: (_id: string, no: number) => void log.push(`part ${no}`),
  } as unknown as Journal;
}

describe('segment ledger', () => {
  it('journals a batch at once when enough bytes piled up, and the rest on close', () => {
    const log: string[] = [];
    const clock = createManualClock();
    const ledger = createSegmentLedger(recordingJournal(log), 'item', {
      clock,
      intervalMs: 1000,
      batchBytes: 100,
    });
    ledger.finished(1, 60);
    expect(log).toEqual([]);
    ledger.finished(2, 60);
    expect(log).toEqual(['commit', 'part 1', 'part 2']);
    ledger.finished(3, 10);
    ledger.close();
    ledger.close();
    expect(log).toEqual(['commit', 'part 1', 'part 2', 'commit', 'part 3']);
  });

  it('journals a finished segment within the interval even when nothing else finishes', async () => {
    const log: string[] = [];
    const clock = createManualClock();
    const ledger = createSegmentLedger(recordingJournal(log), 'item', {
      clock,
      intervalMs: 1000,
      batchBytes: 1 << 30,
    });
    await clock.advance(200);
    ledger.finished(1, 10);
    await clock.advance(500);
    ledger.finished(2, 10);
    expect(log).toEqual([]);
    await clock.advance(300);
    expect(log).toEqual(['commit', 'part 1', 'part 2']);
    await clock.advance(5000);
    ledger.finished(3, 10); // long after the last commit: journaled at once
    expect(log).toEqual(['commit', 'part 1', 'part 2', 'commit', 'part 3']);
    ledger.close();
    expect(clock.pending()).toBe(0);
  });
});

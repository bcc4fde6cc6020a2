import { describe, expect, it } from 'vitest';
import type { Journal } from '../journal/journal';
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
  it('journals finished segments in one commit per batch, and the rest on flush', () => {
    const log: string[] = [];
    const ledger = createSegmentLedger(recordingJournal(log), 'item', 100);
    ledger.finished(1, 60);
    expect(log).toEqual([]);
    ledger.finished(2, 60);
    expect(log).toEqual(['commit', 'part 1', 'part 2']);
    ledger.finished(3, 10);
    ledger.flush();
    ledger.flush();
    expect(log).toEqual(['commit', 'part 1', 'part 2', 'commit', 'part 3']);
  });
});

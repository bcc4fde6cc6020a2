/**
 * Journals finished download segments by time and by bytes, whichever comes first: a segment
 * is committed at most `intervalMs` after it finished, or at once when `batchBytes` of finished
 * segments piled up. So a crash loses at most the segments in flight plus about `intervalMs`
 * of transfer, while the journal sees about one commit a second instead of one per segment
 * (each commit can wait on the disk while a download's data is written back).
 * `close()` journals the rest (before verification, and when a download stops).
 *
 * The `.part` data itself is not fsynced. Written data lives in the kernel's page cache, which
 * survives the app crashing or being killed (the crash test kills it mid-download). Only an OS
 * crash or power cut can lose a journaled segment's bytes, and then the MD5 check before the
 * file is put in place catches it and the file is downloaded again. Syncing every byte would
 * bound downloads by the disk's write speed for a risk the checksum already covers.
 */
import type { Journal } from '../journal/journal';
import type { Clock } from '../ports';

export interface SegmentLedger {
  /** Called after the segment's last write resolved. */
  finished(no: number, bytes: number): void;
  /** Journals every segment finished so far and stops the timer. */
  close(): void;
}

export interface LedgerPolicy {
  clock: Clock;
  intervalMs: number;
  batchBytes: number;
}

export function createSegmentLedger(journal: Journal, itemId: string, policy: LedgerPolicy): SegmentLedger {
  const { clock } = policy;
  let pending: number[] = [];
  let pendingBytes = 0;
  let lastCommit = clock.now();
  let timer: AbortController | null = null;

  const disarm = (): void => {
    timer?.abort();
    timer = null;
  };
  const commit = (): void => {
    disarm();
    lastCommit = clock.now();
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    journal.transaction(() => {
      for (const no of batch) journal.addPart(itemId, no);
    });
  };
  /** Commits what is pending once `intervalMs` passed since the last commit. */
  const arm = (): void => {
    if (timer !== null) return;
    const own = new AbortController();
    timer = own;
    clock.sleep(Math.max(0, lastCommit + policy.intervalMs - clock.now()), own.signal).then(
      () => {
        if (timer === own) commit();
      },
      () => undefined,
    );
  };

  return {
    finished(no, bytes) {
      pending.push(no);
      pendingBytes += bytes;
      if (pendingBytes >= policy.batchBytes || clock.now() - lastCommit >= policy.intervalMs) commit();
      else arm();
    },
    close: commit,
  };
}

/**
 * Journals finished download segments in batches: one SQLite commit (with its fsync) per
 * `batchBytes` of segments instead of one per segment, which kept the main thread waiting on
 * the disk. `flush()` journals the rest (before verification, and when a download stops).
 *
 * The `.part` data itself is not fsynced. Written data lives in the kernel's page cache, which
 * survives the app crashing or being killed (the crash test kills it mid-download). Only an OS
 * crash or power cut can lose a journaled segment's bytes, and then the MD5 check before the
 * rename catches it and the file is downloaded again. Syncing every byte would bound downloads
 * by the disk's write speed for a risk the checksum already covers.
 */
import type { Journal } from '../journal/journal';

export interface SegmentLedger {
  /** Called after the segment's last write resolved. */
  finished(no: number, bytes: number): void;
  /** Journals every segment finished so far. */
  flush(): void;
}

export function createSegmentLedger(journal: Journal, itemId: string, batchBytes: number): SegmentLedger {
  let pending: number[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    journal.transaction(() => {
      for (const no of batch) journal.addPart(itemId, no);
    });
  };
  return {
    finished(no, bytes) {
      pending.push(no);
      pendingBytes += bytes;
      if (pendingBytes >= batchBytes) flush();
    },
    flush,
  };
}

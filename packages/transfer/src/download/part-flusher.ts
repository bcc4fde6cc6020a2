/**
 * Durable bookkeeping of finished download segments without one fsync per segment.
 *
 * A segment may be journaled only once its bytes are on disk, or a power cut could leave the
 * journal claiming data the `.part` file lost. Syncing after every segment made the download
 * wait for the disk at each step; instead finished segments are collected and, every
 * `flushBytes` of them, ONE `datasync` runs in the background (the download keeps writing
 * meanwhile, so the disk works in parallel with the network), after which every segment that
 * finished before that sync started is journaled in one transaction. `drain()` runs the last
 * sync, so everything written is flushed and journaled before the file is verified and renamed.
 *
 * Invariant: a segment number reaches the journal only after a datasync that began after the
 * segment's last write completed.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Journal } from '../journal/journal';

export interface PartFlusher {
  /** Called after the segment's last write resolved. */
  finished(no: number, bytes: number): void;
  /** Flushes and journals everything finished so far; rethrows a failed background sync. */
  drain(): Promise<void>;
}

export function createPartFlusher(
  handle: FileHandle,
  journal: Journal,
  itemId: string,
  flushBytes: number,
): PartFlusher {
  let pending: number[] = [];
  let pendingBytes = 0;
  let running: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;

  const syncNow = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    pendingBytes = 0;
    await handle.datasync();
    journal.transaction(() => {
      for (const no of batch) journal.addPart(itemId, no);
    });
  };

  const start = (): void => {
    running = syncNow()
      .catch((error: unknown) => void (failure ??= { error }))
      .finally(() => {
        running = null;
        if (pendingBytes >= flushBytes && failure === null) start();
      });
  };

  return {
    finished(no, bytes) {
      pending.push(no);
      pendingBytes += bytes;
      if (running === null && pendingBytes >= flushBytes && failure === null) start();
    },
    async drain() {
      while (running !== null) await running;
      if (failure === null && pending.length > 0) await syncNow();
      if (failure !== null) throw failure.error;
    },
  };
}

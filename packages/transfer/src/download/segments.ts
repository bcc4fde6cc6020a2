/**
 * Parallel HTTP Range download of the missing segments into a pre-allocated `.part` file.
 * Finished segments are journaled by time and bytes (see segment-ledger), so a restart fetches
 * only what is missing; the complete prefix is reported to an optional in-flight hasher. A
 * failing segment is retried alone, from the byte where it stopped.
 */
import type { FileHandle } from 'node:fs/promises';
import type { JobContext } from '../job-context';
import { withRetry } from '../retry';
import type { OrderedHasher } from '../util/hash-workers';
import { runPool } from '../util/pool';
import { fetchRange } from './fetch-range';
import type { SegmentLedger } from './segment-ledger';
import type { UrlSource } from './url-source';

export interface SegmentPlan {
  size: number;
  segmentSize: number;
}

export function segmentRange(no: number, plan: SegmentPlan): { start: number; end: number } {
  const start = (no - 1) * plan.segmentSize;
  return { start, end: Math.min(plan.size, start + plan.segmentSize) };
}

/** Where finished segments go: the journal and, optionally, the in-flight hash. */
export interface SegmentSinks {
  ledger: SegmentLedger;
  hasher: OrderedHasher | null;
}

/** Tracks the complete prefix of the file (all segments from 1 on) for the ordered hasher. */
function createFrontier(plan: SegmentPlan, done: ReadonlySet<number>, hasher: OrderedHasher | null) {
  const finished = new Set(done);
  let next = 1;
  const advance = (): void => {
    while (finished.has(next)) next++;
    hasher?.advance(Math.min(plan.size, (next - 1) * plan.segmentSize));
  };
  advance();
  return (no: number): void => {
    finished.add(no);
    advance();
  };
}

export async function downloadMissingSegments(
  ctx: JobContext,
  urls: UrlSource,
  handle: FileHandle,
  plan: SegmentPlan,
  sinks: SegmentSinks,
): Promise<void> {
  const count = Math.ceil(plan.size / plan.segmentSize);
  const done = ctx.journal.parts(ctx.item.id);
  const missing: number[] = [];
  let finishedBytes = 0;
  for (let no = 1; no <= count; no++) {
    const { start, end } = segmentRange(no, plan);
    if (done.has(no)) finishedBytes += end - start;
    else missing.push(no);
  }
  const frontier = createFrontier(plan, done, sinks.hasher);
  /** Bytes written so far of each segment in flight. */
  const inFlight = new Map<number, number>();
  const report = (): void => ctx.progress(finishedBytes + [...inFlight.values()].reduce((a, b) => a + b, 0));
  report();
  try {
    await runPool(
      Math.min(ctx.limits().segmentsPerFile, missing.length),
      missing,
      ctx.signal,
      async (no, signal) => {
        const segCtx = { ...ctx, signal };
        const { start, end } = segmentRange(no, plan);
        inFlight.set(no, 0);
        await withRetry(segCtx, 'downloading', () =>
          fetchRange(
            segCtx,
            urls,
            handle,
            { from: start + (inFlight.get(no) ?? 0), end, size: plan.size },
            (n) => {
              inFlight.set(no, (inFlight.get(no) ?? 0) + n);
              report();
            },
          ),
        );
        sinks.ledger.finished(no, end - start);
        frontier(no);
        inFlight.delete(no);
        finishedBytes += end - start;
        report();
      },
    );
  } finally {
    // Paused, failed or done: the segments that finished are journaled for resume.
    sinks.ledger.close();
  }
}

/**
 * Parallel HTTP Range download of the missing segments into a pre-allocated `.part` file.
 * Finished segments are journaled in batches (see segment-ledger), so a restart
 * fetches only what is missing; the complete prefix is reported to an optional in-flight
 * hasher. A failing segment is retried alone; a rejected URL is renewed.
 */
import type { FileHandle } from 'node:fs/promises';
import type { JobContext } from '../job-context';
import { DriveError } from '../ports';
import type { FetchResponse } from '../ports';
import { HttpStatusError, withRetry } from '../retry';
import type { OrderedHasher } from '../util/hash-workers';
import { runPool } from '../util/pool';
import type { SegmentLedger } from './segment-ledger';
import type { UrlSource } from './url-source';

const MAX_RENEWALS_PER_SEGMENT = 4;
/** Network chunks (16-64 KiB) are gathered into writes of this size: one syscall each. */
const WRITE_BATCH = 1024 * 1024;
/**
 * Write buffers are reused across segments and files instead of allocating one per batch,
 * which kept the garbage collector busy at hundreds of MB/s. At most this many stay pooled.
 */
const POOL_MAX = 8;
const bufferPool: Buffer[] = [];
const takeBuffer = (): Buffer => bufferPool.pop() ?? Buffer.allocUnsafe(WRITE_BATCH);
const giveBuffer = (b: Buffer): void => void (bufferPool.length < POOL_MAX && bufferPool.push(b));

export interface SegmentPlan {
  size: number;
  segmentSize: number;
}

export function segmentRange(no: number, plan: SegmentPlan): { start: number; end: number } {
  const start = (no - 1) * plan.segmentSize;
  return { start, end: Math.min(plan.size, start + plan.segmentSize) };
}

async function openRange(
  ctx: JobContext,
  urls: UrlSource,
  start: number,
  end: number,
  size: number,
): Promise<FetchResponse> {
  for (let renewals = 0; ; renewals++) {
    const url = await urls.get();
    const response = await ctx.fetch(url, {
      headers: { Range: `bytes=${start}-${end - 1}` },
      signal: ctx.signal,
      redirect: 'follow',
    });
    if (response.status === 206 || (response.status === 200 && start === 0 && end === size)) return response;
    await response.body?.cancel().catch(() => undefined);
    if ((response.status === 403 || response.status === 410) && renewals < MAX_RENEWALS_PER_SEGMENT) {
      urls.reject(url);
      continue;
    }
    if (response.status === 403 || response.status === 410)
      throw new DriveError('fatal', 'The download server keeps refusing the download link.');
    throw new HttpStatusError(response.status);
  }
}

/** Streams one segment into place; throws (retryably) on a short body. */
async function fetchSegment(
  ctx: JobContext,
  urls: UrlSource,
  handle: FileHandle,
  no: number,
  plan: SegmentPlan,
  onBytes: (n: number) => void,
): Promise<void> {
  const { start, end } = segmentRange(no, plan);
  if (end <= start) return;
  const response = await openRange(ctx, urls, start, end, plan.size);
  if (!response.body) throw new TypeError('empty response body');
  let pos = start;
  let filled = 0;
  const buffer = takeBuffer();
  const flush = async (): Promise<void> => {
    if (filled === 0) return;
    await handle.write(buffer, 0, filled, pos);
    pos += filled;
    onBytes(filled);
    filled = 0;
  };
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      let offset = 0;
      let len = Math.min(chunk.byteLength, end - pos - filled);
      if (len <= 0) break;
      if (ctx.limiter.rate > 0) await ctx.limiter.take(len, ctx.signal);
      while (len > 0) {
        const n = Math.min(len, WRITE_BATCH - filled);
        buffer.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        len -= n;
        if (filled === WRITE_BATCH) await flush();
      }
    }
    await flush();
  } finally {
    giveBuffer(buffer);
  }
  if (pos !== end) throw new TypeError('the download connection ended early');
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
        await withRetry(segCtx, 'downloading', async () => {
          inFlight.set(no, 0);
          await fetchSegment(segCtx, urls, handle, no, plan, (n) => {
            inFlight.set(no, (inFlight.get(no) ?? 0) + n);
            report();
          });
        });
        const { start, end } = segmentRange(no, plan);
        sinks.ledger.finished(no, end - start);
        frontier(no);
        inFlight.delete(no);
        finishedBytes += end - start;
        report();
      },
    );
  } catch (error) {
    // Paused or failed: the segments that finished are still journaled for resume.
    sinks.ledger.flush();
    throw error;
  }
  sinks.ledger.flush();
}

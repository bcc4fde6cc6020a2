/**
 * One HTTP Range request streamed into place in the `.part` file. Network chunks are gathered
 * into 1 MiB writes; bytes that arrived before a connection broke are written too, so a retry
 * asks only for the rest. A connection on which nothing arrives for `stallTimeoutMs` is given
 * up (StallError, transient), so a silently lost network never leaves a download hanging.
 */
import type { FileHandle } from 'node:fs/promises';
import type { JobContext } from '../job-context';
import { DriveError } from '../ports';
import type { FetchResponse } from '../ports';
import { HttpStatusError, StallError } from '../retry';
import type { UrlSource } from './url-source';

const MAX_RENEWALS_PER_RANGE = 4;
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

/** Bytes [from, end) of a file of `size` bytes. */
export interface ByteRange {
  from: number;
  end: number;
  size: number;
}

async function openRange(
  ctx: JobContext,
  urls: UrlSource,
  range: ByteRange,
  signal: AbortSignal,
): Promise<FetchResponse> {
  const { from, end, size } = range;
  for (let renewals = 0; ; renewals++) {
    const url = await urls.get();
    const response = await ctx.fetch(url, {
      headers: { Range: `bytes=${from}-${end - 1}` },
      signal,
      redirect: 'follow',
    });
    if (response.status === 206 || (response.status === 200 && from === 0 && end === size)) return response;
    await response.body?.cancel().catch(() => undefined);
    if ((response.status === 403 || response.status === 410) && renewals < MAX_RENEWALS_PER_RANGE) {
      urls.reject(url);
      continue;
    }
    if (response.status === 403 || response.status === 410)
      throw new DriveError('fatal', 'The download server keeps refusing the download link.', {
        reason: 'download_link_refused',
      });
    throw new HttpStatusError(response.status);
  }
}

/**
 * Watches a transfer's activity on the injected clock; `stalled()` fires once nothing happened
 * for `timeoutMs`. `touch` marks activity, `hold` suspends the watch (our own speed limit).
 */
function createStallWatch(ctx: JobContext, timeoutMs: number, stalled: () => void) {
  const done = new AbortController();
  let last = ctx.clock.now();
  let held = false;
  if (timeoutMs > 0) {
    void (async () => {
      for (;;) {
        const idle = held ? 0 : ctx.clock.now() - last;
        if (idle >= timeoutMs) return stalled();
        await ctx.clock.sleep(timeoutMs - idle, done.signal);
      }
    })().catch(() => undefined);
  }
  return {
    touch: () => void (last = ctx.clock.now()),
    hold: (on: boolean) => {
      held = on;
      last = ctx.clock.now();
    },
    stop: () => done.abort(),
  };
}

/**
 * Streams bytes [range.from, range.end) to the same offsets of the file; `written` is told about
 * every write that reached the file. Throws (retryably) on a short or stalled body.
 */
export async function fetchRange(
  ctx: JobContext,
  urls: UrlSource,
  handle: FileHandle,
  range: ByteRange,
  written: (bytes: number) => void,
): Promise<void> {
  const attempt = new AbortController();
  const watch = createStallWatch(ctx, ctx.tuning.stallTimeoutMs, () => attempt.abort(new StallError()));
  const signal = AbortSignal.any([ctx.signal, attempt.signal]);
  let pos = range.from;
  let filled = 0;
  const buffer = takeBuffer();
  const flush = async (): Promise<void> => {
    if (filled === 0) return;
    await handle.write(buffer, 0, filled, pos);
    pos += filled;
    written(filled);
    filled = 0;
  };
  try {
    const response = await openRange(ctx, urls, range, signal);
    if (!response.body) throw new TypeError('empty response body');
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      watch.touch();
      let offset = 0;
      let len = Math.min(chunk.byteLength, range.end - pos - filled);
      if (len <= 0) break;
      if (ctx.limiter.rate > 0) {
        watch.hold(true);
        await ctx.limiter.take(len, signal).finally(() => watch.hold(false));
      }
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
  } catch (error) {
    // What arrived is good: keep it, so the retry starts where this attempt stopped.
    if (!ctx.signal.aborted) await flush();
    if (attempt.signal.aborted && !ctx.signal.aborted) throw attempt.signal.reason;
    throw error;
  } finally {
    watch.stop();
    giveBuffer(buffer);
  }
  if (pos !== range.end) throw new TypeError('the download connection ended early');
}

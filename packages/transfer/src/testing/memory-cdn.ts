/**
 * The test drive's CDN: signed URLs with an expiry `t` (Unix seconds), HTTP Range answers
 * (206 + Content-Range), 403 for expired or revoked links, and switchable faults: status
 * answers, connections cut after N bytes, an optional 302 hop.
 */
import type { FetchLike } from '../ports';

export interface MemoryCdnOptions {
  now: () => number;
  lifetimeMs: number;
  content(fileId: number): Uint8Array | undefined;
}

const ORIGIN = 'http://cdn.memory.test';

export function createMemoryCdn(options: MemoryCdnOptions) {
  const revoked = new Set<string>();
  const statusNext: number[] = [];
  let cutNext: { after: number; times: number } = { after: 0, times: 0 };
  let counter = 0;
  const stats = { requests: 0, bytes: 0, ranges: [] as string[] };

  const body = (bytes: Uint8Array): ReadableStream<Uint8Array> => {
    const cut = cutNext.times > 0 ? cutNext.after : -1;
    if (cut >= 0) cutNext.times--;
    const CHUNK = 64 * 1024;
    const limit = cut >= 0 ? Math.min(cut, bytes.byteLength) : bytes.byteLength;
    stats.bytes += limit;
    let sent = 0;
    // Chunk by chunk as the reader asks, so a cut connection delivers its bytes before it breaks.
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent < limit) {
          const end = Math.min(limit, sent + CHUNK);
          controller.enqueue(bytes.slice(sent, end));
          sent = end;
        } else if (cut >= 0) controller.error(new TypeError('terminated'));
        else controller.close();
      },
    });
  };

  const fetch: FetchLike = async (url, init) => {
    init.signal.throwIfAborted();
    stats.requests++;
    const u = new URL(url);
    const status = statusNext.shift();
    if (status !== undefined) return new Response(null, { status });
    const t = Number(u.searchParams.get('t'));
    const sig = u.searchParams.get('s') ?? '';
    if (u.origin !== ORIGIN || revoked.has(sig.replace(/^\d+/, '')) || t * 1000 <= options.now())
      return new Response('{"code":1010}', { status: 403 });
    const bytes = options.content(Number(u.pathname.split('/').pop()));
    if (!bytes) return new Response(null, { status: 404 });
    const range = /^bytes=(\d+)-(\d+)$/.exec(init.headers.Range ?? init.headers.range ?? '');
    if (!range)
      return new Response(body(bytes), {
        status: 200,
        headers: { 'Content-Length': String(bytes.byteLength) },
      });
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), bytes.byteLength - 1);
    stats.ranges.push(`${start}-${end}`);
    if (start > end) return new Response(null, { status: 416 });
    return new Response(body(bytes.subarray(start, end + 1)), {
      status: 206,
      headers: {
        'Content-Range': `bytes ${start}-${end}/${bytes.byteLength}`,
        'Content-Length': String(end - start + 1),
      },
    });
  };

  return {
    fetch,
    stats,
    sign(fileId: number): string {
      const t = Math.floor((options.now() + options.lifetimeMs) / 1000);
      return `${ORIGIN}/dl/${fileId}?t=${t}&s=${t}sig${++counter}`;
    },
    /** Every URL handed out so far is refused from now on. */
    revokeAll(): void {
      for (let i = 0; i <= counter; i++) revoked.add(`sig${i}`);
    },
    /** The next answers are bare HTTP statuses. */
    failNext(status: number, times = 1): void {
      for (let i = 0; i < times; i++) statusNext.push(status);
    },
    /** The next `times` bodies stop after `after` bytes with a network error. */
    cutNext(after: number, times = 1): void {
      cutNext = { after, times };
    },
  };
}

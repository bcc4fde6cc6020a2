import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The bytes of every file of the tiny CDN. */
export const CONTENT = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

/** A tiny CDN: signed path `/file?sig=N`, Range support, 403 for the `expired` signature. */
export async function startCdn(): Promise<{ url: string; server: Server; ranges: (string | undefined)[] }> {
  const ranges: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    ranges.push(req.headers.range);
    if (url.searchParams.get('sig') === 'expired') {
      res.statusCode = 403;
      return res.end();
    }
    const match = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (match) {
      const start = Number(match[1]);
      const end = match[2] === '' ? CONTENT.length - 1 : Number(match[2]);
      res.writeHead(206, {
        'content-range': `bytes ${start}-${end}/${CONTENT.length}`,
        'content-length': end - start + 1,
        'accept-ranges': 'bytes',
      });
      return res.end(CONTENT.subarray(start, end + 1));
    }
    res.writeHead(200, { 'content-length': CONTENT.length, 'accept-ranges': 'bytes' });
    res.end(CONTENT);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, ranges };
}

export type TinyCdn = Awaited<ReturnType<typeof startCdn>>;

/** What one test started: a host kit and a tiny CDN, closed by {@link closeWorld}. */
export interface TestWorld {
  kit?: { close(): Promise<void> };
  cdn?: TinyCdn;
}

/** Closes what the test started and forgets it (for `afterEach`). */
export async function closeWorld(world: TestWorld): Promise<void> {
  await world.kit?.close();
  await new Promise((r) => (world.cdn === undefined ? r(undefined) : world.cdn.server.close(r)));
  delete world.kit;
  delete world.cdn;
}

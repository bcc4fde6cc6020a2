import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL_HEADER } from '@pandesk/fake-pan';
import { createTempDirs } from '../testing/temp-dirs';
import { startDemoSession } from './drive-session';
import type { DriveSession } from './drive-session';

const dirs = createTempDirs('pandesk-demo-');
let session: DriveSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
  await dirs.cleanup();
});

/** A raw HTTP call, so the test chooses `Host` itself (fetch would not send a foreign one). */
function rawCall(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<number> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: { Host: url.host, ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts the demo drive as the back end does and learns its address from the client's requests. */
async function openDemo(): Promise<{ session: DriveSession; origin: string }> {
  const seen: string[] = [];
  const recording: typeof fetch = (input, init) => {
    seen.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  const demo = await startDemoSession({ userData: await dirs.make(), fetch: recording });
  await demo.client.user.info();
  const first = seen[0];
  if (first === undefined) throw new Error('the demo client made no request');
  return { session: demo, origin: new URL(first).origin };
}

describe('the embedded demo drive', () => {
  it('serves no control endpoint: a foreign page cannot change faults or read state', async () => {
    const demo = await openDemo();
    session = demo.session;
    const foreign = { Host: 'evil.example', Origin: 'http://evil.example', 'Content-Type': 'text/plain' };
    expect(await rawCall(demo.origin, 'POST', '/__fake/faults', foreign, '{"force401Next":5}')).toBe(404);
    expect(await rawCall(demo.origin, 'GET', '/__fake/state', { Origin: 'http://evil.example' })).toBe(404);
    // Not even a loopback caller reaches it: the routes do not exist.
    expect(await rawCall(demo.origin, 'GET', '/__fake/state', {})).toBe(404);
    expect(await rawCall(demo.origin, 'POST', '/__fake/tokens/expire', { [CONTROL_HEADER]: 'x' }, '{}')).toBe(
      404,
    );
    // The drive itself still answers (the fault above was never set).
    expect((await demo.session.client.user.info()).nickname).toBe('fake-pan');
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeSession } from '../../../test/fake-electron-services';
import type { FakeSessionRequest } from '../../../test/fake-electron-services';
import { createSessionFetch } from './session-fetch';

/** A server that answers what it received: method, headers that matter, body length and bytes. */
let base = '';
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        method: req.method,
        length: req.headers['content-length'] ?? null,
        chunked: req.headers['transfer-encoding'] ?? null,
        platform: req.headers.platform ?? null,
        body: body.toString('utf8'),
      }),
    );
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function sessionFetch() {
  const requests: FakeSessionRequest[] = [];
  const session = createFakeSession({ isReady: () => true }, requests);
  return { requests, fetch: createSessionFetch(() => session) };
}

describe('fetch on the Electron session', () => {
  it('sends API calls without cookies or cache, keeping their headers', async () => {
    const { requests, fetch } = sessionFetch();
    const res = await fetch(`${base}/api/v1/user/info`, { headers: { Platform: 'open_platform' } });
    expect(await res.json()).toMatchObject({ method: 'GET', platform: 'open_platform' });
    expect(requests[0]?.init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('sends a streamed slice as one body of its declared length, not chunked, without setting Content-Length itself', async () => {
    const { requests, fetch } = sessionFetch();
    const parts = ['--b\r\n', 'slice bytes', '\r\n--b--\r\n'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
        controller.close();
      },
    });
    const length = parts.join('').length;
    const res = await fetch(`${base}/upload/v2/file/slice`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': String(length) },
      duplex: 'half',
    } as RequestInit);
    expect(await res.json()).toEqual({
      method: 'POST',
      length: String(length),
      chunked: null,
      platform: null,
      body: parts.join(''),
    });
    expect(requests[0]?.init.body).toBeInstanceOf(Uint8Array);
    expect(new Headers(requests[0]?.init.headers).has('content-length')).toBe(false);
  });

  it('refuses a stream that is shorter than it declared, sending nothing', async () => {
    const { requests, fetch } = sessionFetch();
    const body = new Blob(['abc']).stream();
    await expect(
      fetch(`${base}/x`, {
        method: 'PUT',
        body,
        headers: { 'Content-Length': '10' },
        duplex: 'half',
      } as RequestInit),
    ).rejects.toThrow(/3 bytes where 10 were declared/);
    expect(requests).toEqual([]);
  });

  it('answers a body that streams (a CDN download is read as it arrives)', async () => {
    const { fetch } = sessionFetch();
    const res = await fetch(`${base}/file.bin`, { method: 'POST', body: 'x'.repeat(100_000) });
    let received = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) received += chunk.byteLength;
    expect(received).toBeGreaterThan(100_000);
  });
});

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createProxyFetchFactory } from './proxy-fetch';
import { startTestProxy } from './test-proxy';
import type { TestProxy } from './test-proxy';

let server: Server | undefined;
let proxy: TestProxy | undefined;
const factory = createProxyFetchFactory();
afterEach(async () => {
  await factory.close();
  await proxy?.close();
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
  proxy = undefined;
});

/** Answers with what it received: method, a header and the body's bytes. */
async function startEcho(): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          method: req.method,
          tag: req.headers['x-tag'] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('default proxy fetch (undici ProxyAgent)', () => {
  it('carries the bodies and headers the open-api client sends (Blob, stream, Headers, signal)', async () => {
    const target = await startEcho();
    proxy = await startTestProxy();
    const f = factory(proxy.url);
    const blob = await f(`${target}/blob`, {
      method: 'POST',
      body: new Blob(['part-a', 'part-b']),
      headers: new Headers({ 'x-tag': 'h1' }),
      signal: AbortSignal.timeout(30_000),
    });
    expect(await blob.json()).toEqual({ method: 'POST', tag: 'h1', body: 'part-apart-b' });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('streamed '));
        c.enqueue(new TextEncoder().encode('bytes'));
        c.close();
      },
    });
    const init: RequestInit & { duplex: 'half' } = {
      method: 'PUT',
      body: stream,
      headers: { 'x-tag': 'h2' },
      duplex: 'half',
    };
    const streamed = await f(`${target}/stream`, init);
    expect(await streamed.json()).toEqual({ method: 'PUT', tag: 'h2', body: 'streamed bytes' });
    const bytes = await f(`${target}/bytes`, { method: 'POST', body: new TextEncoder().encode('{"a":1}') });
    expect(((await bytes.json()) as { body: string }).body).toBe('{"a":1}');
    expect(proxy.uses).toBeGreaterThan(0);
  });

  it('stops a request when its signal aborts', async () => {
    const target = await startEcho();
    proxy = await startTestProxy();
    const controller = new AbortController();
    controller.abort();
    await expect(factory(proxy.url)(`${target}/x`, { signal: controller.signal })).rejects.toThrow();
  });
});

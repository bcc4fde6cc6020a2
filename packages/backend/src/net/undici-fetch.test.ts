import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectFetch } from './undici-fetch';

interface Seen {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
const direct = createDirectFetch();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === '/hop') return res.writeHead(302, { location: '/json' }).end();
      if (req.url === '/big') return res.end(Buffer.alloc(1024 * 1024, 7));
      res.writeHead(200, { 'content-type': 'application/json', 'x-traceid': 't-1' });
      res.end(JSON.stringify({ code: 0, url: req.url }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await direct.close();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('undici-based fetch', () => {
  it('sends string, byte and Blob bodies with their length and reads text, json and headers', async () => {
    const json = await direct.fetch(`${base}/json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Platform: 'open_platform' },
      body: '{"a":1}',
    });
    expect(json.status).toBe(200);
    expect(json.ok).toBe(true);
    expect(json.headers.get('x-traceid')).toBe('t-1');
    expect(await json.json()).toEqual({ code: 0, url: '/json' });
    const bytes = await direct.fetch(`${base}/bytes`, { method: 'POST', body: new Uint8Array([104, 105]) });
    expect(await bytes.text()).toContain('/bytes');
    const blob = await direct.fetch(`${base}/blob`, { method: 'POST', body: new Blob(['he', 'llo']) });
    await blob.text();
    expect(seen.slice(-3).map((s) => [s.method, s.body, s.headers['content-length']])).toEqual([
      ['POST', '{"a":1}', '7'],
      ['POST', 'hi', '2'],
      ['POST', 'hello', '5'],
    ]);
    expect(seen.at(-3)?.headers.platform).toBe('open_platform');
  });

  it('follows redirects unless told not to', async () => {
    expect(await (await direct.fetch(`${base}/hop`)).json()).toEqual({ code: 0, url: '/json' });
    const manual = await direct.fetch(`${base}/hop`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    await manual.body?.cancel();
  });

  it('streams a body as byte chunks, and cancel releases it', async () => {
    const answer = await direct.fetch(`${base}/big`);
    let total = 0;
    for await (const chunk of answer.body as unknown as AsyncIterable<Uint8Array>) total += chunk.byteLength;
    expect(total).toBe(1024 * 1024);
    const cancelled = await direct.fetch(`${base}/big`);
    await cancelled.body?.cancel();
    expect((await direct.fetch(`${base}/json`)).status).toBe(200);
  });

  it('rejects when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(direct.fetch(`${base}/json`, { signal: controller.signal })).rejects.toThrow();
  });
});

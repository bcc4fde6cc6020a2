import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FAULTS, DEFAULT_SWITCHES, type Faults, type Switches } from '../options';
import { createContentStore, type BlobInfo, type ContentStore } from '../content/content-store';
import { md5Hex } from '../content/hashing';
import { startCdnServer, type CdnServer } from './cdn-server';
import { createUrlSigner, type UrlSigner } from './signing';

let dataDir = '';
let store: ContentStore;
let cdn: CdnServer;
let signer: UrlSigner;
let faults: Faults;
let switches: Switches;
const clock = { now: 1_700_000_000_000 };
/** 100 000 bytes, each position distinct enough to catch off-by-one ranges. */
const content = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7 + (i >> 8)) & 0xff));
let blob: BlobInfo;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fake-pan-cdn-'));
  store = await createContentStore({ dataDir });
  blob = await store.putBuffer(content);
  faults = { ...DEFAULT_FAULTS };
  switches = { ...DEFAULT_SWITCHES };
  clock.now = 1_700_000_000_000;
  signer = createUrlSigner({ now: () => clock.now });
  cdn = await startCdnServer({ store, signer, faults, switches });
});
afterEach(async () => {
  await cdn.close();
  await rm(dataDir, { recursive: true, force: true });
});

const urlFor = (b: BlobInfo = blob, filename = 'setup.exe', lifetimeSec = 600): string =>
  signer.sign(cdn.url, {
    md5: b.md5,
    size: b.size,
    uid: 1814435920,
    filename,
    expiresAtSec: clock.now / 1000 + lifetimeSec,
  });

const bytesOf = async (res: Response): Promise<Buffer> => Buffer.from(await res.arrayBuffer());

describe('fake CDN', () => {
  it('serves the whole blob with 200 and download headers, no Authorization needed', async () => {
    const res = await fetch(urlFor(blob, '安装包 v2.exe'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(content.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('application/x-msdos-program');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('安装包 v2.exe')}`,
    );
    const body = await bytesOf(res);
    expect(md5Hex(body)).toBe(blob.md5);
  });

  it('answers Range a-b, a- and -n with 206 and Content-Range', async () => {
    const cases: Array<[string, number, number]> = [
      ['bytes=0-0', 0, 0],
      ['bytes=1000-1999', 1000, 1999],
      ['bytes=99000-', 99000, 99999],
      ['bytes=-500', 99500, 99999],
      ['bytes=99990-200000', 99990, 99999],
    ];
    for (const [range, start, end] of cases) {
      const res = await fetch(urlFor(), { headers: { range } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${content.length}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect((await bytesOf(res)).equals(content.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers 416 with bytes */size for unsatisfiable ranges', async () => {
    for (const range of ['bytes=100000-', 'bytes=200000-300000', 'bytes=-0']) {
      const res = await fetch(urlFor(), { headers: { range } });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${content.length}`);
      await res.arrayBuffer();
    }
  });

  it('answers HEAD with headers only', async () => {
    const res = await fetch(urlFor(), { method: 'HEAD', headers: { range: 'bytes=10-19' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe('10');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuses an expired URL with 403 and a code 1010 body, or an empty body', async () => {
    const url = urlFor(blob, 'a.bin', 60);
    clock.now += 61_000;
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 1010 });
    switches.cdnForbiddenBody = 'empty';
    const bare = await fetch(url);
    expect(bare.status).toBe(403);
    expect(await bare.text()).toBe('');
    expect(cdn.stats.forbidden).toBe(2);
  });

  it('refuses tampered URLs with 403', async () => {
    const good = new URL(urlFor());
    const tampered = [
      (u: URL) => u.searchParams.set('t', String(Number(u.searchParams.get('t')) + 3600)),
      (u: URL) => u.searchParams.set('filename', 'evil.exe'),
      (u: URL) => u.searchParams.set('bzs', '10'),
      (u: URL) => (u.pathname = u.pathname.replace('1814435920', '1814435921')),
      (u: URL) => u.searchParams.delete('s'),
    ];
    for (const change of tampered) {
      const copy = new URL(good);
      change(copy);
      const res = await fetch(copy);
      expect(res.status, copy.toString()).toBe(403);
      await res.arrayBuffer();
    }
  });

  it('hops once through a signed 302 to an edge path when cdnRedirect is on', async () => {
    switches.cdnRedirect = true;
    const first = await fetch(urlFor(), { redirect: 'manual' });
    expect(first.status).toBe(302);
    const location = first.headers.get('location') ?? '';
    expect(new URL(location).pathname.startsWith('/edge/123-61/')).toBe(true);
    const edge = await fetch(location, { redirect: 'manual', headers: { range: 'bytes=0-9' } });
    expect(edge.status).toBe(206);
    expect((await bytesOf(edge)).equals(content.subarray(0, 10))).toBe(true);
    const tamperedEdge = new URL(location);
    tamperedEdge.searchParams.set('bzs', '1');
    expect((await fetch(tamperedEdge)).status).toBe(403);
    // A client that follows redirects just gets the bytes.
    const followed = await fetch(urlFor());
    expect(md5Hex(await bytesOf(followed))).toBe(blob.md5);
    expect(cdn.stats.redirects).toBe(2);
  });

  it('paces each response to cdnBytesPerSecond', async () => {
    faults.cdnBytesPerSecond = 100_000; // the 100 000-byte blob needs about one second
    const started = performance.now();
    const res = await fetch(urlFor());
    const arrivals: number[] = [];
    let received = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      received += chunk.length;
      arrivals.push(performance.now() - started);
    }
    const elapsed = performance.now() - started;
    expect(received).toBe(content.length);
    // Pacing can only make things slower, so a lower bound is safe on a loaded machine.
    expect(elapsed).toBeGreaterThan(700);
    expect(arrivals.length).toBeGreaterThan(4);
    expect(arrivals.filter((t) => t < 300).length).toBeLessThan(arrivals.length);
  });

  it('cuts the connection after cdnCutAfterBytes for the next cdnCutNext responses', async () => {
    faults.cdnCutAfterBytes = 30_000;
    faults.cdnCutNext = 2;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(urlFor());
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe(String(content.length));
      await expect(res.arrayBuffer()).rejects.toThrow();
    }
    expect(cdn.stats.cuts).toBe(2);
    expect(faults.cdnCutAfterBytes).toBe(0);
    const whole = await fetch(urlFor());
    expect(md5Hex(await bytesOf(whole))).toBe(blob.md5);
  });

  it('cuts every long response when cdnCutNext is 0, but never a short one', async () => {
    faults.cdnCutAfterBytes = 50_000;
    const short = await fetch(urlFor(), { headers: { range: 'bytes=0-999' } });
    expect((await bytesOf(short)).length).toBe(1000);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(urlFor(), { headers: { range: 'bytes=10000-' } });
      expect(res.status).toBe(206);
      await expect(res.arrayBuffer()).rejects.toThrow();
    }
    expect(cdn.stats.cuts).toBe(3);
    expect(cdn.stats.bytesSent).toBe(1000 + 3 * 50_000);
  });

  it('serves an empty file', async () => {
    const empty = await store.putBuffer(new Uint8Array(0));
    const res = await fetch(urlFor(empty));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('0');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('drops the connection when a blob vanished from disk, and keeps serving others', async () => {
    const other = await store.putBuffer(Buffer.from('still here'));
    await rm(store.blobPath(blob.md5, blob.size));
    await expect(fetch(urlFor()).then((res) => res.arrayBuffer())).rejects.toThrow();
    const res = await fetch(urlFor(other));
    expect(await res.text()).toBe('still here');
  });
});

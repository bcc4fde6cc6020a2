import { fail, ok } from '@pandesk/contract';
import type { PanDeskApi } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { mintPreviewUrl, startHostKit } from '../testing/host-kit';
import type { HostKit } from '../testing/host-kit';
import { closeWorld, CONTENT, startCdn } from '../testing/tiny-cdn';
import type { TestWorld } from '../testing/tiny-cdn';

const world: TestWorld & { kit?: HostKit } = {};
afterEach(() => closeWorld(world));

const NAMES: Record<number, string> = {
  9: 'folder',
  40: 'clip.mp4',
  41: 'other.mp4',
  50: 'photo.png',
  53: 'drawing.svg',
  52: 'paper.pdf',
  54: 'notes.md',
};

function withFiles(api: PanDeskApi): PanDeskApi {
  return {
    ...api,
    files: {
      ...api.files,
      detail: async ({ id }) =>
        NAMES[id] === undefined
          ? fail('not_found', 'That file no longer exists.')
          : ok({ id, name: NAMES[id], kind: id === 9 ? 'folder' : 'file' } as never),
    },
  };
}

/** A host whose preview URLs read the tiny CDN; `signatures` are handed out in turn. */
async function start(signatures: string[] = ['good'], now?: () => number): Promise<HostKit> {
  const cdn = (world.cdn = await startCdn());
  const base = cdn.url;
  let n = 0;
  const kit = (world.kit = await startHostKit({
    patch: withFiles,
    ...(now === undefined ? {} : { now }),
    links: {
      downloadUrl: async () => ok(`${base}/file?sig=${signatures[Math.min(n++, signatures.length - 1)]}`),
    },
  }));
  return kit;
}

async function read(k: HostKit, url: string, range?: string): Promise<Response> {
  return fetch(`${k.host.origin}${url}`, range === undefined ? {} : { headers: { range } });
}

describe('GET /api/preview/<grant> (quick preview)', () => {
  it('serves repeated Range requests for one grant, each only its slice', async () => {
    const k = await start();
    const preview = await mintPreviewUrl(k.host, 40);
    expect(preview.url).toMatch(/^\/api\/preview\/[\w-]{22}$/);
    expect(preview.url).not.toContain(k.host.secret);
    const first = await read(k, preview.url, 'bytes=0-99');
    expect(first.status).toBe(206);
    expect(Buffer.from(await first.arrayBuffer()).equals(CONTENT.subarray(0, 100))).toBe(true);
    const seek = await read(k, preview.url, 'bytes=500-599');
    expect(seek.status).toBe(206);
    expect(seek.headers.get('content-range')).toBe('bytes 500-599/1000');
    expect(Buffer.from(await seek.arrayBuffer()).equals(CONTENT.subarray(500, 600))).toBe(true);
    const whole = await read(k, preview.url);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(CONTENT.length);
    expect(world.cdn!.ranges).toEqual(['bytes=0-99', 'bytes=500-599', undefined]);
  });

  it('sets the type by name, nosniff, no caching, and a sandboxing policy', async () => {
    const k = await start();
    const video = await read(k, (await mintPreviewUrl(k.host, 40)).url, 'bytes=0-9');
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(video.headers.get('x-content-type-options')).toBe('nosniff');
    expect(video.headers.get('cache-control')).toBe('no-store');
    expect(video.headers.get('accept-ranges')).toBe('bytes');
    expect(video.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    await video.arrayBuffer();
    const svg = await read(k, (await mintPreviewUrl(k.host, 53)).url);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(svg.headers.get('content-security-policy')).not.toMatch(/script-src/);
    await svg.arrayBuffer();
    const markdown = await read(k, (await mintPreviewUrl(k.host, 54)).url);
    expect(markdown.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    await markdown.arrayBuffer();
    // The PDF viewer needs an unsandboxed document; only this origin may frame it.
    const pdf = await read(k, (await mintPreviewUrl(k.host, 52)).url);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(pdf.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    await pdf.arrayBuffer();
  });

  it('is bound to its file: another file needs its own grant', async () => {
    const k = await start();
    const first = await mintPreviewUrl(k.host, 40);
    const second = await mintPreviewUrl(k.host, 41);
    expect(second.url).not.toBe(first.url);
    // Previewing the first file again reuses its grant instead of minting more.
    expect((await mintPreviewUrl(k.host, 40)).url).toBe(first.url);
  });

  it('refuses unknown and expired grants with 410, without asking the CDN', async () => {
    let time = 1_000_000;
    const k = await start(['good'], () => time);
    expect((await read(k, '/api/preview/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(410);
    const preview = await mintPreviewUrl(k.host, 40);
    expect((await read(k, preview.url, 'bytes=0-0')).status).toBe(206);
    time = preview.expiresAt;
    const late = await read(k, preview.url, 'bytes=0-0');
    expect(late.status).toBe(410);
    expect(await late.text()).toMatch(/expired/);
    expect(world.cdn!.ranges).toEqual(['bytes=0-0']);
  });

  it('renews an expired CDN URL once, and never leaks it when the CDN keeps refusing', async () => {
    const k = await start(['expired', 'good']);
    const renewed = await read(k, (await mintPreviewUrl(k.host, 40)).url, 'bytes=0-9');
    expect(renewed.status).toBe(206);
    await renewed.arrayBuffer();
    await closeWorld(world);
    const refusing = await start(['expired']);
    const refused = await read(refusing, (await mintPreviewUrl(refusing.host, 40)).url);
    expect(refused.status).toBe(502);
    expect(await refused.text()).not.toContain('sig=');
  });

  it('refuses folders and files that no longer exist, and other methods', async () => {
    const k = await start();
    expect((await read(k, (await mintPreviewUrl(k.host, 9)).url)).status).toBe(400);
    expect((await read(k, (await mintPreviewUrl(k.host, 404)).url)).status).toBe(404);
    const url = (await mintPreviewUrl(k.host, 40)).url;
    const post = await fetch(`${k.host.origin}${url}`, { method: 'POST' });
    expect(post.status).toBe(401);
    expect(world.cdn!.ranges).toEqual([]);
  });
});

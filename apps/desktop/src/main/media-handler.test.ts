import { createPreviewGrants, createPreviewResponder } from '@pandesk/backend';
import { ok } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { createMediaHandler } from './media-handler';
import { grantOfMediaUrl, mediaUrlOf } from './media-url';

const BYTES = new Uint8Array(Array.from({ length: 4096 }, (_, i) => i % 256));

/** A CDN of one 4 KiB file answering the asked range, recording each one. */
function cdn() {
  const ranges: (string | null)[] = [];
  const fetchImpl = (async (_url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range');
    ranges.push(range);
    const match = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
    if (match === null) return new Response(BYTES, { status: 200 });
    const [start, end] = [Number(match[1]), Math.min(BYTES.length - 1, Number(match[2]))];
    return new Response(BYTES.slice(start, end + 1), {
      status: 206,
      headers: { 'content-range': `bytes ${start}-${end}/${BYTES.length}` },
    });
  }) as typeof fetch;
  return { ranges, fetchImpl };
}

function setup(now = () => 1_000_000) {
  const grants = createPreviewGrants({ now });
  const upstream = cdn();
  const respond = createPreviewResponder({
    files: {
      detail: async ({ id }) => ok({ id, name: id === 5 ? 'clip.mp4' : 'paper.pdf', kind: 'file' } as never),
    },
    links: { downloadUrl: async () => ok('https://cdn.example/signed?auth_key=SECRET') },
    fetch: upstream.fetchImpl,
    frameAncestors: 'pandesk://app',
    allowOrigin: 'pandesk://app',
  });
  const handler = createMediaHandler({ grants, respond: () => respond });
  const get = (url: string, range?: string) =>
    handler(new Request(url, range === undefined ? {} : { headers: { range } }));
  return { grants, upstream, get };
}

describe('pandesk-media:// handler', () => {
  it('serves repeated Range requests of one grant, typed and readable by the app page only', async () => {
    const { grants, upstream, get } = setup();
    const url = mediaUrlOf(grants.mint(5).grant);
    expect(url).toMatch(/^pandesk-media:\/\/preview\/[\w-]{22}$/);
    const first = await get(url, 'bytes=0-99');
    expect(first.status).toBe(206);
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(BYTES.slice(0, 100));
    const seek = await get(url, 'bytes=2048-');
    expect(seek.status).toBe(206);
    expect(seek.headers.get('content-range')).toBe('bytes 2048-4095/4096');
    expect(seek.headers.get('content-type')).toBe('video/mp4');
    expect(seek.headers.get('x-content-type-options')).toBe('nosniff');
    expect(seek.headers.get('access-control-allow-origin')).toBe('pandesk://app');
    expect(seek.headers.get('access-control-expose-headers')).toContain('Content-Range');
    expect(await seek.text()).not.toContain('SECRET');
    expect(upstream.ranges).toEqual(['bytes=0-99', `bytes=2048-${2048 + 2 * 1024 * 1024 - 1}`]);
  });

  it('lets only the app frame a PDF', async () => {
    const { grants, get } = setup();
    const pdf = await get(mediaUrlOf(grants.mint(6).grant));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-security-policy')).toBe('frame-ancestors pandesk://app');
  });

  it('refuses unknown, expired and malformed grants without reaching the CDN', async () => {
    let time = 1_000_000;
    const { grants, upstream, get } = setup(() => time);
    const minted = grants.mint(5);
    expect((await get('pandesk-media://preview/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(410);
    expect((await get('pandesk-media://other/' + minted.grant)).status).toBe(410);
    expect((await get('pandesk-media://preview/../x')).status).toBe(410);
    time = minted.expiresAt;
    expect((await get(mediaUrlOf(minted.grant), 'bytes=0-1')).status).toBe(410);
    expect(upstream.ranges).toEqual([]);
    expect(grantOfMediaUrl('pandesk://app/abc')).toBeUndefined();
  });

  it('answers 503 until the back end is composed', async () => {
    const grants = createPreviewGrants();
    const handler = createMediaHandler({ grants, respond: () => undefined });
    const answer = await handler(new Request(mediaUrlOf(grants.mint(5).grant)));
    expect(answer.status).toBe(503);
  });
});

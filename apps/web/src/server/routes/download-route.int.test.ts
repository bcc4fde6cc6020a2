import { fail, ok } from '@pandesk/contract';
import type { DownloadMethod, PanDeskApi } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { mintDownloadLink, startHostKit } from '../testing/host-kit';
import { CONTENT, startCdn } from '../testing/tiny-cdn';
import type { HostKit } from '../testing/host-kit';

let kit: HostKit | undefined;
let cdn: Awaited<ReturnType<typeof startCdn>> | undefined;
afterEach(async () => {
  await kit?.close();
  await new Promise((r) => cdn?.server.close(r));
  kit = undefined;
  cdn = undefined;
});

const NAMES: Record<number, string> = { 9: 'folder', 50: 'photo.png', 51: 'page.html', 52: 'paper.pdf' };

function withSettings(method: DownloadMethod, proxyUrl = '') {
  return (api: PanDeskApi): PanDeskApi => ({
    ...api,
    settings: {
      ...api.settings,
      get: async () => ok({ downloadMethod: method, downloadProxyUrl: proxyUrl } as never),
    },
    files: {
      ...api.files,
      detail: async ({ id }) =>
        id === 404
          ? fail('not_found', 'That file no longer exists.')
          : ok({
              id,
              name: NAMES[id] ?? '报告 "1".bin',
              kind: id === 9 ? 'folder' : 'file',
            } as never),
    },
  });
}

async function startWith(
  method: DownloadMethod,
  signatures: string[] = ['good'],
  proxyUrl = '',
  now?: () => number,
): Promise<HostKit> {
  cdn = await startCdn();
  const base = cdn.url;
  let n = 0;
  kit = await startHostKit({
    patch: withSettings(method, proxyUrl),
    ...(now === undefined ? {} : { now }),
    links: {
      downloadUrl: async (fileId) =>
        fileId === 404
          ? fail('not_found', 'That file no longer exists.')
          : ok(`${base}/file?sig=${signatures[Math.min(n++, signatures.length - 1)]}`),
    },
  });
  return kit;
}

/** Mints a link for the file over the WebSocket, then follows it once. */
async function get(k: HostKit, fileId: number, headers: Record<string, string> = {}): Promise<Response> {
  const link = await mintDownloadLink(k.host, fileId);
  return fetch(`${k.host.origin}${link.url}`, { headers, redirect: 'manual' });
}

describe('GET /api/dl/<ticket> (browser downloads)', () => {
  it('direct: answers 302 to the CDN URL', async () => {
    const k = await startWith('direct');
    const res = await get(k, 42);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${cdn!.url}/file?sig=good`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('proxy_url: answers 302 to the link as the back end hands it out (prefix applied there)', async () => {
    const k = await startWith('proxy_url', ['good'], 'https://dl-proxy.example/');
    const res = await get(k, 42);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${cdn!.url}/file?sig=good`);
  });

  it('local_proxy: streams the bytes with the file name', async () => {
    const k = await startWith('local_proxy');
    const res = await get(k, 42);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(CONTENT)).toBe(true);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="__ _1_.bin"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%221%22.bin`,
    );
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
  });

  it('local_proxy: forwards Range and answers 206 with the slice', async () => {
    const k = await startWith('local_proxy');
    const res = await get(k, 42, { range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(Buffer.from(await res.arrayBuffer()).equals(CONTENT.subarray(100, 200))).toBe(true);
    expect(cdn!.ranges).toContain('bytes=100-199');
  });

  it('local_proxy: renews an expired CDN URL once', async () => {
    const k = await startWith('local_proxy', ['expired', 'good']);
    const res = await get(k, 42);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).length).toBe(CONTENT.length);
  });

  it('local_proxy: a CDN that keeps refusing becomes 502 without leaking the URL', async () => {
    const k = await startWith('local_proxy', ['expired']);
    const res = await get(k, 42);
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain('sig=');
  });

  it('local_proxy inline: shows safe types in the tab, sandboxed, and saves the rest', async () => {
    const k = await startWith('local_proxy');
    const open = async (fileId: number): Promise<Response> => {
      const link = await mintDownloadLink(k.host, fileId, true);
      return fetch(`${k.host.origin}${link.url}`);
    };
    const image = await open(50);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toMatch(/^inline; filename="photo.png"/);
    expect(image.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(CONTENT)).toBe(true);
    // HTML could run script from this origin: saved, never shown.
    const page = await open(51);
    expect(page.headers.get('content-type')).toBe('application/octet-stream');
    expect(page.headers.get('content-disposition')).toMatch(/^attachment;/);
    await page.arrayBuffer();
    const pdf = await open(52);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline;/);
    await pdf.arrayBuffer();
    // The same image through a plain download link is saved.
    expect((await get(k, 50)).headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('maps back-end errors and bad ids to HTTP statuses', async () => {
    const k = await startWith('local_proxy');
    expect((await get(k, 404)).status).toBe(404);
    expect((await get(k, 9)).status).toBe(400);
  });
});

describe('download links', () => {
  it('work once, without the launch key, then answer 410 without asking the CDN', async () => {
    const k = await startWith('local_proxy');
    const link = await mintDownloadLink(k.host, 42);
    expect(link.url).toMatch(/^\/api\/dl\/[\w-]{22}$/);
    expect(link.url).not.toContain(k.host.secret);
    const first = await fetch(`${k.host.origin}${link.url}`);
    expect(first.status).toBe(200);
    expect(Buffer.from(await first.arrayBuffer()).equals(CONTENT)).toBe(true);
    const requests = cdn!.ranges.length;
    const again = await fetch(`${k.host.origin}${link.url}`);
    expect(again.status).toBe(410);
    expect(await again.text()).toMatch(/used already or has expired/);
    expect(cdn!.ranges.length).toBe(requests);
  });

  it('expire after a minute even when unused', async () => {
    let time = 1_000_000;
    const k = await startWith('direct', ['good'], '', () => time);
    const late = await mintDownloadLink(k.host, 42);
    const early = await mintDownloadLink(k.host, 42);
    expect(late.expiresAt).toBe(time + 60_000);
    time += 59_999;
    expect((await fetch(`${k.host.origin}${early.url}`, { redirect: 'manual' })).status).toBe(302);
    time += 1;
    expect((await fetch(`${k.host.origin}${late.url}`, { redirect: 'manual' })).status).toBe(410);
  });

  it('are bound to their file, and unknown tickets serve nothing', async () => {
    const k = await startWith('direct');
    const forNine = await mintDownloadLink(k.host, 404);
    expect((await fetch(`${k.host.origin}${forNine.url}`, { redirect: 'manual' })).status).toBe(404);
    const guessed = `${k.host.origin}/api/dl/AAAAAAAAAAAAAAAAAAAAAA`;
    expect((await fetch(guessed, { redirect: 'manual' })).status).toBe(410);
  });

  it('refuse another origin, and the launch key is accepted in no URL', async () => {
    const k = await startWith('direct');
    const link = await mintDownloadLink(k.host, 42);
    const foreign = await fetch(`${k.host.origin}${link.url}`, {
      headers: { origin: 'http://evil.example' },
      redirect: 'manual',
    });
    expect(foreign.status).toBe(403);
    const key = encodeURIComponent(k.host.secret);
    expect((await fetch(`${k.host.origin}/api/config?k=${key}`)).status).toBe(401);
    expect((await fetch(`${k.host.origin}/api/download/42?k=${key}`, { redirect: 'manual' })).status).toBe(
      401,
    );
    const withHeader = await fetch(`${k.host.origin}/api/config`, {
      headers: { 'x-pandesk-key': k.host.secret },
    });
    expect(withHeader.status).toBe(200);
  });
});

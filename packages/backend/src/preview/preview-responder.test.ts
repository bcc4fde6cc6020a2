import { fail, ok } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { boundedRange, createPreviewResponder, PREVIEW_CHUNK_BYTES } from './preview-responder';

const SIZE = 10 * PREVIEW_CHUNK_BYTES;

/** A CDN of one big file: answers the asked range (or all), and 403 for revoked signatures. */
function fakeCdn(revoked: Set<string>) {
  const seen: { url: string; range: string | null }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('range');
    seen.push({ url, range });
    if (revoked.has(url)) return new Response(null, { status: 403 });
    const match = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
    if (match === null)
      return new Response(new Uint8Array(16), { status: 200, headers: { 'content-length': String(SIZE) } });
    const [start, end] = [Number(match[1]), Math.min(SIZE - 1, Number(match[2]))];
    return new Response(new Uint8Array(end - start + 1), {
      status: 206,
      headers: {
        'content-range': `bytes ${start}-${end}/${SIZE}`,
        'content-length': String(end - start + 1),
      },
    });
  }) as typeof fetch;
  return { seen, fetchImpl };
}

function setup(revoked = new Set<string>()) {
  const cdn = fakeCdn(revoked);
  const calls = { urls: 0, details: 0 };
  const respond = createPreviewResponder({
    files: {
      detail: async ({ id }) => {
        calls.details++;
        return id === 404 ? fail('not_found', 'gone') : ok({ id, name: 'movie.mp4', kind: 'file' } as never);
      },
    },
    links: { downloadUrl: async () => ok(`https://cdn.example/file?sig=${++calls.urls}`) },
    fetch: cdn.fetchImpl,
    frameAncestors: "'self'",
  });
  const get = (range?: string) => respond(7, { method: 'GET', range, signal: new AbortController().signal });
  return { cdn, calls, get };
}

describe('preview responder', () => {
  it('bounds open ranges, so one request pulls at most one chunk from the CDN', async () => {
    const { cdn, get } = setup();
    const answer = await get('bytes=1000-');
    expect(answer.status).toBe(206);
    expect(answer.headers.get('content-range')).toBe(`bytes 1000-${1000 + PREVIEW_CHUNK_BYTES - 1}/${SIZE}`);
    expect((await answer.arrayBuffer()).byteLength).toBe(PREVIEW_CHUNK_BYTES);
    expect(cdn.seen[0]?.range).toBe(`bytes=1000-${1000 + PREVIEW_CHUNK_BYTES - 1}`);
    expect(boundedRange('bytes=5-9', 100)).toBe('bytes=5-9');
    expect(boundedRange(undefined, 100)).toBeUndefined();
  });

  it('reuses the signed URL and the file facts across ranges, and renews a refused URL once', async () => {
    const revoked = new Set<string>();
    const { cdn, calls, get } = setup(revoked);
    for (const start of [0, 5000, 90_000]) expect((await get(`bytes=${start}-`)).status).toBe(206);
    expect(calls.urls).toBe(1);
    expect(calls.details).toBe(1);
    revoked.add('https://cdn.example/file?sig=1');
    expect((await get('bytes=0-')).status).toBe(206);
    expect(calls.urls).toBe(2);
    expect(cdn.seen.at(-1)?.url).toBe('https://cdn.example/file?sig=2');
  });

  it('types the bytes by name and never leaks the signed URL in a refusal', async () => {
    const { get } = setup(new Set(['https://cdn.example/file?sig=1', 'https://cdn.example/file?sig=2']));
    const refused = await get('bytes=0-');
    expect(refused.status).toBe(502);
    expect(await refused.text()).not.toContain('sig=');
    const fine = await setup().get('bytes=0-9');
    expect(fine.headers.get('content-type')).toBe('video/mp4');
    expect(fine.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

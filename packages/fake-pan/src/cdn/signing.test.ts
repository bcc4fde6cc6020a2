import { describe, expect, it } from 'vitest';
import { createUrlSigner } from './signing';

const md5 = 'ab6dd0cf0123456789abcdef01234567';
const base = 'http://127.0.0.1:9999';

function setup(nowMs = 1_700_000_000_000) {
  const clock = { now: nowMs };
  const signer = createUrlSigner({ now: () => clock.now, secret: Buffer.from('k') });
  const url = signer.sign(base, {
    md5,
    size: 42,
    uid: 1814435920,
    filename: '报告 a&b.txt',
    expiresAtSec: nowMs / 1000 + 60,
  });
  return { clock, signer, url: new URL(url) };
}

const pathAndQuery = (url: URL): string => `${url.pathname}${url.search}`;

describe('url signer', () => {
  it('builds URLs shaped like the real CDN ones', () => {
    const { url } = setup();
    expect(url.origin).toBe(base);
    expect(url.pathname).toBe(`/123-61/ab6dd0cf/1814435920-0/${md5}/c-m74`);
    const q = url.searchParams;
    expect(q.get('v')).toBe('5');
    expect(q.get('t')).toBe('1700000060');
    expect(q.get('s')?.startsWith('1700000060')).toBe(true);
    expect(q.get('r')).toMatch(/^[0-9A-F]{8}$/);
    expect(q.get('bzs')).toBe('42');
    expect(q.get('filename')).toBe('报告 a&b.txt');
  });

  it('verifies its own URLs and gives back the ticket', () => {
    const { url, signer } = setup();
    const result = signer.verify(pathAndQuery(url));
    expect(result).toEqual({
      ok: true,
      ticket: {
        md5,
        size: 42,
        uid: 1814435920,
        filename: '报告 a&b.txt',
        expiresAtSec: 1700000060,
        edge: false,
      },
    });
  });

  it('refuses any tampering', () => {
    const { url, signer } = setup();
    for (const [key, value] of [
      ['t', '1800000000'],
      ['bzs', '43'],
      ['filename', 'other.txt'],
      ['r', 'AAAAAAAA'],
      ['s', `1700000060${'0'.repeat(32)}`],
    ] as const) {
      const copy = new URL(url);
      copy.searchParams.set(key, value);
      expect(signer.verify(pathAndQuery(copy))).toEqual({ ok: false, reason: 'signature' });
    }
    const otherPath = pathAndQuery(url).replace('1814435920-0', '1-0');
    expect(signer.verify(otherPath)).toEqual({ ok: false, reason: 'signature' });
    expect(signer.verify('/123-61/x/c-m74?t=1')).toEqual({ ok: false, reason: 'malformed' });
    const foreign = createUrlSigner({ now: () => 0 });
    expect(foreign.verify(pathAndQuery(url))).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses a URL once its t has passed', () => {
    const { url, signer, clock } = setup();
    clock.now += 60_000;
    expect(signer.verify(pathAndQuery(url)).ok).toBe(true);
    clock.now += 1000;
    expect(signer.verify(pathAndQuery(url))).toEqual({ ok: false, reason: 'expired' });
  });

  it('signs edge hops on their own path', () => {
    const { signer } = setup();
    const edge = new URL(
      signer.sign(base, { md5, size: 1, uid: 7, filename: 'a', expiresAtSec: 1700000060 }, true),
    );
    expect(edge.pathname.startsWith('/edge/123-61/')).toBe(true);
    const result = signer.verify(pathAndQuery(edge));
    expect(result.ok && result.ticket.edge).toBe(true);
    // The same query on the first-hop path does not verify.
    expect(signer.verify(pathAndQuery(edge).replace('/edge', '')).ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { PanError } from '../errors';
import { signDirectLink } from './direct-link-sign';

const URL_ = `https://vip.123pan.cn/1814442530/public/${encodeURIComponent('图 1.png')}`;
// 2026-01-01T00:01:00Z; the hash below was computed with Python's hashlib over
// "/1814442530/public/图 1.png-1767225660-0123456789abcdef0123456789abcdef-1814442530-s3cret-key".
const input = {
  uid: 1814442530,
  privateKey: 's3cret-key',
  expiresAt: Date.UTC(2026, 0, 1, 0, 1, 0) + 999,
  rand: '0123456789abcdef0123456789abcdef',
};

describe('signDirectLink (§8.3)', () => {
  it('appends ts-rand-uid-md5 over the decoded path, ts in whole seconds', () => {
    const signed = new URL(signDirectLink(URL_, input));
    expect(signed.pathname).toBe(new URL(URL_).pathname);
    expect(signed.searchParams.get('auth_key')).toBe(
      '1767225660-0123456789abcdef0123456789abcdef-1814442530-a712980957626dae4f5070641e53b100',
    );
  });

  it('keeps other query parameters and replaces an earlier auth_key', () => {
    const once = signDirectLink(`${URL_}?x=1`, input);
    const twice = signDirectLink(once, { ...input, rand: 'abc' });
    const q = new URL(twice).searchParams;
    expect(q.get('x')).toBe('1');
    expect(q.getAll('auth_key')).toHaveLength(1);
    expect(q.get('auth_key')).toMatch(/^1767225660-abc-1814442530-[0-9a-f]{32}$/);
  });

  it('makes a fresh dashless random token when none is given', () => {
    const a = new URL(signDirectLink(URL_, { ...input, rand: undefined })).searchParams.get('auth_key')!;
    const b = new URL(signDirectLink(URL_, { ...input, rand: undefined })).searchParams.get('auth_key')!;
    expect(a.split('-')[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });

  it('refuses bad input without ever putting the key in the message', () => {
    const bad: Array<Parameters<typeof signDirectLink>> = [
      ['not a url', input],
      [URL_, { ...input, privateKey: '' }],
      [URL_, { ...input, uid: 0 }],
      [URL_, { ...input, expiresAt: Number.NaN }],
      [URL_, { ...input, rand: 'has-dash' }],
      ['https://h/%E0%A4%A', input],
    ];
    for (const args of bad) {
      let caught: unknown;
      try {
        signDirectLink(...args);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(PanError);
      expect((caught as PanError).code).toBe('invalid_argument');
      expect(JSON.stringify((caught as PanError).toJSON())).not.toContain('s3cret-key');
    }
  });
});

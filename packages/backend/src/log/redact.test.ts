import { describe, expect, it } from 'vitest';
import { createRedactor, describeForLog, REDACTED } from './redact';

describe('createRedactor', () => {
  it('removes known secret values anywhere, also URL-encoded', () => {
    const r = createRedactor();
    r.addSecret('s3cr3t+value/1');
    const out = r.redact('secret is s3cr3t+value/1 and encoded s3cr3t%2Bvalue%2F1.');
    expect(out).not.toContain('s3cr3t');
    expect(out).toContain(REDACTED);
  });

  it('ignores very short known values so ordinary words survive', () => {
    const r = createRedactor();
    r.addSecret('abc');
    expect(r.redact('abc def')).toBe('abc def');
  });

  it('drops the query of signed download URLs but keeps host and path', () => {
    const r = createRedactor();
    const out = r.redact('GET https://cdn.example.com/a/b.bin?t=1700000000&s=deadbeef failed');
    expect(out).toBe(`GET https://cdn.example.com/a/b.bin?${REDACTED} failed`);
  });

  it('drops passwords inside proxy URLs but keeps the user', () => {
    const r = createRedactor();
    expect(r.redact('proxy http://alice:hunter22@proxy.local:8080/')).toBe(
      `proxy http://alice:${REDACTED}@proxy.local:8080/`,
    );
  });

  it('removes bearer tokens', () => {
    const r = createRedactor();
    expect(r.redact('Authorization: Bearer eyJhbGciOi.abc-def_123')).not.toContain('eyJhbGciOi');
  });

  it('removes secret-looking JSON fields', () => {
    const r = createRedactor();
    const text = JSON.stringify({
      clientID: 'id-1',
      clientSecret: 'xyz-secret-1',
      accessToken: 'tok-AAA',
      refresh_token: 'r-BBB',
      hasAccessToken: true,
    });
    const out = r.redact(text);
    for (const s of ['xyz-secret-1', 'tok-AAA', 'r-BBB']) expect(out).not.toContain(s);
    expect(out).toContain('"clientID":"id-1"');
    expect(out).toContain('"hasAccessToken":true');
  });

  it('removes key=value secrets in text and form bodies', () => {
    const r = createRedactor();
    const out = r.redact('body client_secret=abc123def&grant_type=x token = qqq999');
    expect(out).not.toContain('abc123def');
    expect(out).not.toContain('qqq999');
    expect(out).toContain('grant_type=x');
  });

  it('leaves ordinary text alone', () => {
    const r = createRedactor();
    const text = 'Listed folder 12345 (42 items) in 120 ms';
    expect(r.redact(text)).toBe(text);
  });
});

describe('describeForLog', () => {
  it('includes name, code, message and cause of errors', () => {
    const inner = new Error('socket hang up');
    const outer = Object.assign(new Error('list failed', { cause: inner }), { code: 'network' });
    const text = describeForLog(outer);
    expect(text).toContain('Error[network]: list failed');
    expect(text).toContain('socket hang up');
  });

  it('serialises plain objects', () => {
    expect(describeForLog({ a: 1 })).toBe('{"a":1}');
  });
});

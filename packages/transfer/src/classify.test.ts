import { describe, expect, it } from 'vitest';
import { classify, scrub } from './classify';
import type { JournalItem } from './journal/records';
import { DriveError } from './ports';

const SIGNED = 'https://download.cdn.example/1234/file.bin?auth_key=1733-0-0-abcdef0123456789&sign=9f8e7d';

describe('scrub', () => {
  it('replaces a signed URL with a placeholder and keeps the words around it', () => {
    expect(scrub(`GET ${SIGNED} failed: socket hang up`)).toBe('GET <url> failed: socket hang up');
  });

  it('removes every URL, of any scheme, with passwords and fragments', () => {
    const text =
      'via http://bob:proxy-pass@proxy.local:3128 to HTTPS://CDN.EXAMPLE/a?t=1#x and s3://bucket/key?sig=2, then ws://127.0.0.1:9/x';
    const out = scrub(text);
    expect(out).toBe('via <url> to <url> and <url> then <url>');
    for (const secret of ['proxy-pass', 't=1', 'sig=2', 'bucket', 'CDN.EXAMPLE'])
      expect(out).not.toContain(secret);
  });

  it('leaves text without URLs alone', () => {
    expect(scrub('ECONNRESET: the connection was reset (after 3 tries, at 10:42)')).toBe(
      'ECONNRESET: the connection was reset (after 3 tries, at 10:42)',
    );
  });

  it('caps a message at 500 characters, after removing URLs', () => {
    const long = `${'x'.repeat(490)} ${SIGNED} ${'y'.repeat(600)}`;
    const out = scrub(long);
    expect(out).toHaveLength(500);
    expect(out.startsWith(`${'x'.repeat(490)} <url> `)).toBe(true);
    expect(out).not.toContain('sign=');
  });
});

describe('classify keeps URLs out of transfer errors', () => {
  it('scrubs drive errors and unexpected errors', () => {
    expect(classify(new DriveError('network', `download of ${SIGNED} was cut`))).toEqual({
      code: 'network',
      reason: 'service_unreachable',
      message: 'download of <url> was cut',
      retryable: true,
    });
    expect(classify(new TypeError(`fetch failed for ${SIGNED}`))).toEqual({
      code: 'unknown',
      reason: 'internal',
      message: 'fetch failed for <url>',
      retryable: true,
    });
  });
});

describe('classify names the cause', () => {
  it('keeps the reason, params and detail a backend gave, and withholds Retry where it cannot help', () => {
    const quota = new DriveError('quota', 'x (code 1)', {
      reason: 'space_exhausted',
      detail: { serviceCode: 1, serviceMessage: '网盘空间不足' },
    });
    expect(classify(quota)).toEqual({
      code: 'quota',
      reason: 'space_exhausted',
      message: 'x (code 1)',
      retryable: true,
      detail: { serviceCode: 1, serviceMessage: '网盘空间不足' },
    });
    expect(
      classify(new DriveError('fatal', 'too big', { reason: 'file_too_large', params: { maxBytes: 9 } })),
    ).toMatchObject({ code: 'remote', reason: 'file_too_large', params: { maxBytes: 9 }, retryable: false });
    expect(classify(new DriveError('name_conflict', 'taken'))).toMatchObject({
      reason: 'name_taken',
      retryable: false,
    });
    expect(classify(new DriveError('fatal', 'odd'))).toMatchObject({
      reason: 'service_said',
      retryable: true,
    });
  });

  it('tells a missing upload source from other missing paths', () => {
    const gone = Object.assign(new Error('ENOENT'), { code: 'ENOENT', path: '/staging/a.bin' });
    const upload = { direction: 'upload', localPath: '/staging/a.bin', name: 'a.bin' } as JournalItem;
    expect(classify(gone, upload)).toMatchObject({
      reason: 'local_source_missing',
      params: { path: '/staging/a.bin' },
      retryable: false,
    });
    const download = { ...upload, direction: 'download' } as JournalItem;
    expect(classify(gone, download)).toMatchObject({ code: 'io', reason: 'local_missing', retryable: true });
    expect(classify(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toMatchObject({
      code: 'disk_full',
      reason: 'local_disk_full',
    });
    expect(classify(Object.assign(new Error('x'), { code: 'EWEIRD' }))).toMatchObject({
      reason: 'local_io_error',
      params: { code: 'EWEIRD' },
    });
  });
});

import { ApiException } from '@pandesk/contract';
import { PanError } from '@pandesk/open-api';
import { describe, expect, it } from 'vitest';
import { mapErrors, toApiException } from './map-error';

describe('toApiException', () => {
  it('maps service errors to contract codes with plain words', () => {
    expect(toApiException(new PanError('name_conflict', 'file.mkdir: 已存在 (code 1)')).code).toBe(
      'name_conflict',
    );
    expect(toApiException(new PanError('traffic_exhausted', 'x')).code).toBe('quota');
    const net = toApiException(new PanError('timeout', 'file.list: timed out'));
    expect(net.code).toBe('network');
    expect(net.retryable).toBe(true);
    expect(toApiException(new PanError('auth_required', 'x')).message).toMatch(/credentials/);
  });

  it('quotes the service words for other service errors', () => {
    const e = toApiException(new PanError('service', 'file.move: 不能移动到自身 (code 1)'));
    expect(e.code).toBe('internal');
    expect(e.message).toContain('不能移动到自身');
  });

  it('maps disk errors to io and anything else to internal', () => {
    expect(toApiException(Object.assign(new Error('x'), { code: 'EACCES' }))).toMatchObject({
      code: 'io',
      message: expect.stringMatching(/permission denied/),
    });
    expect(toApiException(Object.assign(new Error('x'), { code: 'ENOENT' })).code).toBe('not_found');
    expect(toApiException(Object.assign(new Error('x'), { code: 'EWHATEVER' })).message).toContain(
      'EWHATEVER',
    );
    const other = toApiException(new Error('boom with secret abc'));
    expect(other.code).toBe('internal');
    expect(other.message).not.toContain('abc');
  });

  it('keeps ApiExceptions as they are', async () => {
    const original = new ApiException('not_found', 'gone');
    await expect(mapErrors(async () => Promise.reject(original))).rejects.toBe(original);
  });
});

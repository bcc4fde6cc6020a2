import { ApiException } from '@pandesk/contract';
import { PanError } from '@pandesk/open-api';
import { describe, expect, it } from 'vitest';
import { mapErrors, toApiException } from './map-error';

describe('toApiException', () => {
  it('keeps the reason open-api named, with the code that follows from it', () => {
    expect(
      toApiException(new PanError('name_conflict', 'file.mkdir: 已存在 (code 1)')).toResult().error,
    ).toEqual({
      code: 'name_conflict',
      reason: 'name_taken',
      message: '已存在 (code 1)',
      retryable: false,
    });
    expect(toApiException(new PanError('traffic_exhausted', 'x', { serviceCode: 5113 }))).toMatchObject({
      code: 'quota',
      reason: 'traffic_exhausted',
      retryable: false,
      detail: { serviceCode: 5113 },
    });
    const net = toApiException(new PanError('timeout', 'file.list: timed out'));
    expect(net).toMatchObject({ code: 'network', reason: 'service_unreachable', retryable: true });
    expect(toApiException(new PanError('server', 'x', { httpStatus: 503 }))).toMatchObject({
      code: 'network',
      reason: 'service_unavailable',
      detail: { httpStatus: 503 },
    });
    expect(toApiException(new PanError('auth_required', 'x')).code).toBe('auth_required');
  });

  it('says a move into its own subfolder as such, not as a failure inside PanDesk', () => {
    const e = toApiException(
      new PanError('service', 'file.move: 不能将文件夹移动到自身或其子目录下 (code 1)', {
        serviceCode: 1,
        serviceMessage: '不能将文件夹移动到自身或其子目录下',
        reason: 'move_into_itself',
      }),
    );
    expect(e).toMatchObject({
      code: 'invalid_input',
      reason: 'move_into_itself',
      detail: { serviceCode: 1, serviceMessage: '不能将文件夹移动到自身或其子目录下' },
    });
  });

  it('answers an unknown refusal as service_said, carrying the service words as detail', () => {
    const e = toApiException(
      new PanError('service', 'file.move: 某个新错误 (code 9)', {
        serviceCode: 9,
        serviceMessage: '某个新错误',
      }),
    );
    expect(e).toMatchObject({
      code: 'service',
      reason: 'service_said',
      detail: { serviceCode: 9, serviceMessage: '某个新错误' },
    });
  });

  it('names disk errors, and anything else is internal without its message', () => {
    expect(toApiException(Object.assign(new Error('x'), { code: 'EACCES', path: '/d' }))).toMatchObject({
      code: 'io',
      reason: 'local_permission_denied',
      params: { path: '/d' },
    });
    expect(toApiException(Object.assign(new Error('x'), { code: 'ENOENT' }))).toMatchObject({
      code: 'not_found',
      reason: 'local_missing',
    });
    expect(toApiException(Object.assign(new Error('x'), { code: 'EWHATEVER' }))).toMatchObject({
      reason: 'local_io_error',
      params: { code: 'EWHATEVER' },
    });
    const other = toApiException(new Error('boom with secret abc'));
    expect(other).toMatchObject({ code: 'internal', reason: 'internal' });
    expect(other.message).not.toContain('abc');
  });

  it('keeps ApiExceptions as they are', async () => {
    const original = new ApiException('not_found', 'gone');
    await expect(mapErrors(async () => Promise.reject(original))).rejects.toBe(original);
  });
});

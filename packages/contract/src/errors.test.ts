import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, isErrorReason, REASON_CODES } from './error-reasons';
import { ApiException, because, ERROR_CODES, fail, isErrorCode, isResult, ok, unwrap } from './errors';

describe('results', () => {
  it('builds ok and failed results with default retryability per code', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('rate_limited', 'slow down')).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'slow down', retryable: true },
    });
    expect(fail('not_found', 'gone').error.retryable).toBe(false);
    expect(fail('network', 'down', false).error.retryable).toBe(false);
  });

  it('has a closed set of codes containing the ones the UI maps', () => {
    for (const code of [
      'auth_required',
      'rate_limited',
      'not_found',
      'name_conflict',
      'invalid_name',
      'quota',
      'network',
      'io',
      'invalid_input',
      'unsupported',
      'internal',
    ]) {
      expect(isErrorCode(code), code).toBe(true);
    }
    expect(isErrorCode('teapot')).toBe(false);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('recognises well-formed results only', () => {
    expect(isResult(ok(null))).toBe(true);
    expect(isResult(fail('io', 'disk full'))).toBe(true);
    expect(isResult({ ok: true })).toBe(false);
    expect(isResult({ ok: false, error: { code: 'teapot', message: 'x', retryable: false } })).toBe(false);
    expect(isResult({ ok: false, error: { code: 'io', message: 'x' } })).toBe(false);
    expect(isResult('ok')).toBe(false);
    expect(isResult(null)).toBe(false);
  });

  it('unwraps a value or throws an ApiException carrying the error', () => {
    expect(unwrap(ok('v'))).toBe('v');
    let thrown: unknown;
    try {
      unwrap(fail('quota', 'full', false));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiException);
    expect((thrown as ApiException).toResult()).toEqual(fail('quota', 'full', false));
  });
});

describe('reasons, params and detail', () => {
  it('gives every reason a code from the closed set, once', () => {
    expect(new Set(ERROR_REASONS).size).toBe(ERROR_REASONS.length);
    for (const reason of ERROR_REASONS) expect(isErrorCode(REASON_CODES[reason]), reason).toBe(true);
    expect(isErrorReason('traffic_exhausted')).toBe(true);
    expect(isErrorReason('teapot')).toBe(false);
  });

  it('builds an error from a reason, with the code and retryability that follow from it', () => {
    expect(because('traffic_exhausted', 'used up', { detail: { serviceCode: 5113 } })).toEqual({
      code: 'quota',
      reason: 'traffic_exhausted',
      message: 'used up',
      retryable: false,
      detail: { serviceCode: 5113 },
    });
    expect(because('rate_limited', 'slow').retryable).toBe(true);
    expect(because('service_unreachable', 'x', { params: { host: 'h' }, retryable: false })).toMatchObject({
      code: 'network',
      params: { host: 'h' },
      retryable: false,
    });
  });

  it('keeps reason, params and detail through ApiException, its result and unwrap', () => {
    const thrown = ApiException.because('name_taken', 'taken', { params: { name: 'a.txt' } });
    expect(thrown.code).toBe('name_conflict');
    const result = thrown.toResult();
    expect(result.error).toEqual({
      code: 'name_conflict',
      reason: 'name_taken',
      message: 'taken',
      retryable: false,
      params: { name: 'a.txt' },
    });
    let again: unknown;
    try {
      unwrap(result);
    } catch (error) {
      again = error;
    }
    expect((again as ApiException).toResult()).toEqual(result);
    expect(new ApiException('io', 'plain').toResult().error).toEqual({
      code: 'io',
      message: 'plain',
      retryable: false,
    });
  });

  it('accepts well-formed facts across the boundary and refuses malformed ones', () => {
    const base = { code: 'quota', message: 'm', retryable: false };
    const check = (extra: Record<string, unknown>): boolean =>
      isResult({ ok: false, error: { ...base, ...extra } });
    expect(
      check({ reason: 'space_exhausted', params: { bytes: 5, name: 'a' }, detail: { serviceCode: 1 } }),
    ).toBe(true);
    expect(check({ reason: 'full' })).toBe(false);
    expect(check({ params: { nested: { a: 1 } } })).toBe(false);
    expect(check({ params: ['a'] })).toBe(false);
    expect(check({ params: { n: Number.NaN } })).toBe(false);
    expect(check({ detail: { serviceCode: '1' } })).toBe(false);
    expect(check({ detail: { stack: 'at x' } })).toBe(false);
    expect(check({ detail: 'text' })).toBe(false);
  });
});

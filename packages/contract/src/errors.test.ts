import { describe, expect, it } from 'vitest';
import { ApiException, ERROR_CODES, fail, isErrorCode, isResult, ok, unwrap } from './errors';

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

import { describe, expect, it } from 'vitest';
import { PanError, redactUrl } from '../errors';
import { classify } from './classify';
import { createPacer } from './pacer';
import { serviceError, serviceErrorCode } from './service-errors';

const err = (
  code: ConstructorParameters<typeof PanError>[0],
  details: ConstructorParameters<typeof PanError>[2] = {},
): PanError => new PanError(code, 'x', details);

describe('classify', () => {
  it('asks for a re-auth only on a 401 from the service or a gateway', () => {
    expect(classify(err('auth_required', { serviceCode: 401 }), { idempotent: false })).toBe('reauth');
    expect(classify(err('auth_required', { httpStatus: 401 }), { idempotent: false })).toBe('reauth');
    expect(classify(err('auth_required'), { idempotent: true })).toBe('fatal');
  });

  it('always retries answers where the service did nothing', () => {
    expect(classify(err('rate_limited', { serviceCode: 429 }), { idempotent: false })).toBe('retry');
    expect(classify(err('rate_limited', { httpStatus: 429 }), { idempotent: false })).toBe('retry');
    expect(classify(err('processing', { serviceCode: 20103 }), { idempotent: false })).toBe('retry');
    expect(classify(err('processing', { serviceCode: 20103 }), { idempotent: true, callerPolls: true })).toBe(
      'fatal',
    );
  });

  it('retries unknown outcomes only for idempotent calls', () => {
    for (const e of [
      err('network'),
      err('timeout'),
      err('server', { httpStatus: 503 }),
      err('server', { httpStatus: 200 }),
      err('server', { httpStatus: 408 }),
    ]) {
      expect(classify(e, { idempotent: true })).toBe('retry');
      expect(classify(e, { idempotent: false })).toBe('fatal');
    }
  });

  it('never retries definite failures', () => {
    expect(classify(err('server', { httpStatus: 404 }), { idempotent: true })).toBe('fatal');
    for (const code of [
      'not_found',
      'name_conflict',
      'invalid_name',
      'quota',
      'traffic_exhausted',
      'bad_response',
      'aborted',
      'service',
      'upload_failed',
    ] as const) {
      expect(classify(err(code), { idempotent: true }), code).toBe('fatal');
    }
  });
});

describe('service code mapping', () => {
  it('maps documented codes and known messages', () => {
    expect(serviceErrorCode(401, 'access_token无效')).toBe('auth_required');
    expect(serviceErrorCode(429, '请求太频繁')).toBe('rate_limited');
    expect(serviceErrorCode(5066, '文件不存在，检查传入fileId是否正确')).toBe('not_found');
    expect(serviceErrorCode(5113, '您今日自用下载流量已超出1GB上限')).toBe('traffic_exhausted');
    expect(serviceErrorCode(20103, '文件正在校验中,请间隔1秒后再试')).toBe('processing');
    expect(serviceErrorCode(1, '该目录下已经有同名文件夹,无法进行创建')).toBe('name_conflict');
    expect(serviceErrorCode(1, '文件名要小于256个字符且不能包含以下任何字符：" \\ / : * ? | > <')).toBe(
      'invalid_name',
    );
    expect(serviceErrorCode(1, '文件上传失败')).toBe('upload_failed');
    expect(serviceErrorCode(1, '该任务已成功进入秒传队列,任务队列削峰中,未直接获取到文件ID,请慢一点')).toBe(
      'rate_limited',
    );
    expect(serviceErrorCode(1, '内部错误')).toBe('service');
  });
});

describe('service reasons', () => {
  const reasonOf = (code: number, message: string) => serviceError(code, message, 'trace-1', 'file.move');

  it('names the specific cause where the code alone is the catch-all, keeping the service words apart', () => {
    const into = reasonOf(1, '不能将文件夹移动到自身或其子目录下');
    expect(into).toMatchObject({
      code: 'service',
      reason: 'move_into_itself',
      serviceCode: 1,
      serviceMessage: '不能将文件夹移动到自身或其子目录下',
      traceId: 'trace-1',
    });
    expect(reasonOf(1, '网盘空间不足,请清理空间或升级会员').reason).toBe('space_exhausted');
    expect(reasonOf(5113, '您今日自用下载流量已超出1GB上限').reason).toBe('traffic_exhausted');
    expect(reasonOf(1, '文件大小超过限制').reason).toBe('file_too_large');
    expect(reasonOf(1, '该目录下已经有同名文件,无法进行操作').reason).toBe('name_taken');
    expect(reasonOf(5066, '文件不存在').reason).toBe('item_not_found');
    expect(reasonOf(429, '请求太频繁').reason).toBe('rate_limited');
    expect(reasonOf(20103, '文件正在校验中').reason).toBe('service_busy');
  });

  it('answers an unknown refusal as service_said, with its code and words as detail', () => {
    const e = reasonOf(7777, '某个新的错误');
    expect(e).toMatchObject({
      code: 'service',
      reason: 'service_said',
      serviceCode: 7777,
      serviceMessage: '某个新的错误',
    });
    expect(reasonOf(1, 'x'.repeat(900)).serviceMessage).toHaveLength(500);
  });

  it('gives transport failures their cause by code', () => {
    expect(new PanError('server', 'x', { httpStatus: 502 }).reason).toBe('service_unavailable');
    expect(new PanError('timeout', 'x').reason).toBe('service_unreachable');
    expect(new PanError('aborted', 'x').reason).toBe('cancelled');
  });
});

describe('pacer', () => {
  it('backs off exponentially with at most 25% jitter, capped at 30 s', () => {
    const lo = createPacer({ random: () => 0 });
    const hi = createPacer({ random: () => 0.999 });
    const limited = err('rate_limited');
    expect([1, 2, 3, 4].map((n) => lo.next(limited, n))).toEqual([500, 1000, 2000, 4000]);
    expect(hi.next(limited, 1)).toBe(625);
    expect(lo.next(limited, 9)).toBe(30_000);
    expect(hi.next(limited, 10)).toBe(30_000);
  });

  it('waits about a second for "verifying" and stops when the budget is spent', () => {
    const p = createPacer({ random: () => 0.5, maxRateLimited: 3, maxTransport: 2 });
    expect(p.next(err('processing'), 1)).toBe(1125);
    expect(p.next(err('rate_limited'), 4)).toBeNull();
    expect(p.next(err('network'), 2)).toBe(563);
    expect(p.next(err('network'), 3)).toBeNull();
  });

  it('repeats transport failures twice by default, within about a second, then hands them back', () => {
    const p = createPacer({ random: () => 0.999 });
    const waits = [1, 2, 3].map((n) => p.next(err('timeout'), n));
    expect(waits.slice(0, 2).every((w) => w !== null && w > 0)).toBe(true);
    expect((waits[0] ?? 0) + (waits[1] ?? 0)).toBeLessThanOrEqual(1000);
    expect(waits[2]).toBeNull();
  });
});

describe('pacer: completion polls', () => {
  it('waits pollMs between polls and stops after the poll budget, unless the caller overrides them', () => {
    const p = createPacer();
    expect(p.poll(1)).toBe(1000);
    expect(p.poll(59)).toBe(1000);
    expect(p.poll(60)).toBeNull();
    expect(p.poll(1, { budget: 1 })).toBeNull();
    expect(p.poll(1, { intervalMs: 200 })).toBe(200);
    const q = createPacer({ pollMs: 250, completionPolls: 3 });
    expect([1, 2, 3].map((n) => q.poll(n))).toEqual([250, 250, null]);
  });
});

describe('redactUrl', () => {
  it('drops the query of signed URLs', () => {
    expect(redactUrl('https://cdn.example/a/b?t=1&s=secret')).toBe('https://cdn.example/a/b?…');
    expect(redactUrl('https://cdn.example/a')).toBe('https://cdn.example/a');
  });
});

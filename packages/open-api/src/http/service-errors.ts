import { PanError, type PanErrorCode } from '../errors';

/**
 * Map a non-zero envelope `code` (plus its message, since code 1 is a catch-all) to our
 * closed set (§1.4). Message patterns are the service's documented/observed Chinese texts.
 */
const MESSAGE_RULES: Array<[RegExp, PanErrorCode]> = [
  [/同名|已经有|已存在|already exists/i, 'name_conflict'],
  [/^文件名要小于|文件名.*(字符|非法)|invalid (file )?name/i, 'invalid_name'],
  [/空间不足|容量不足|超出.*空间|空间.*(超出|已满|不足)|quota/i, 'quota'],
  [/削峰|请慢一点|请求太频繁|too many requests/i, 'rate_limited'],
  [/文件上传失败/, 'upload_failed'],
  [/不存在|not exist|not found/i, 'not_found'],
];

const CODE_RULES: Record<number, PanErrorCode> = {
  401: 'auth_required',
  429: 'rate_limited',
  5060: 'name_conflict',
  5066: 'not_found',
  5113: 'traffic_exhausted',
  20103: 'processing',
};

export function serviceErrorCode(code: number, message: string): PanErrorCode {
  const byCode = CODE_RULES[code];
  if (byCode) return byCode;
  for (const [pattern, mapped] of MESSAGE_RULES) if (pattern.test(message)) return mapped;
  return 'service';
}

export function serviceError(
  code: number,
  message: string,
  traceId: string | undefined,
  endpoint: string,
): PanError {
  const mapped = serviceErrorCode(code, message);
  const text = message ? `${endpoint}: ${message} (code ${code})` : `${endpoint}: service code ${code}`;
  return new PanError(mapped, text, { serviceCode: code, traceId: traceId || undefined, endpoint });
}

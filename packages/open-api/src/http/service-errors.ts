import type { ErrorReason } from '@pandesk/contract';
import { PanError, type PanErrorCode } from '../errors';

/**
 * Map a non-zero envelope `code` (plus its message, since code 1 is a catch-all) to our
 * closed set (§1.4) and to the specific cause (the app's shared reasons). Message patterns are
 * the service's documented/observed Chinese texts (and the emulator's, which copies them).
 */
const MESSAGE_RULES: Array<[RegExp, PanErrorCode, ErrorReason?]> = [
  [/移动到自身|恢复到自身|自身或其子目录|into itself/i, 'service', 'move_into_itself'],
  [/同名|已经有|已存在|already exists/i, 'name_conflict'],
  [/^文件名要小于|文件名.*(字符|非法)|invalid (file )?name/i, 'invalid_name'],
  [/空间不足|容量不足|超出.*空间|空间.*(超出|已满|不足)|quota/i, 'quota'],
  [/流量.*(超出|用完|不足|上限)/, 'traffic_exhausted'],
  [/削峰|请慢一点|请求太频繁|too many requests/i, 'rate_limited'],
  [/文件大小超过限制|文件过大|too large/i, 'service', 'file_too_large'],
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
  return classifyService(code, message).code;
}

/** The client's code and, when the message says more than the code, the specific reason. */
export function classifyService(code: number, message: string): { code: PanErrorCode; reason?: ErrorReason } {
  const byCode = CODE_RULES[code];
  if (byCode) return { code: byCode };
  for (const [pattern, mapped, reason] of MESSAGE_RULES)
    if (pattern.test(message)) return reason === undefined ? { code: mapped } : { code: mapped, reason };
  return { code: 'service' };
}

export function serviceError(
  code: number,
  message: string,
  traceId: string | undefined,
  endpoint: string,
): PanError {
  const mapped = classifyService(code, message);
  const text = message ? `${endpoint}: ${message} (code ${code})` : `${endpoint}: service code ${code}`;
  return new PanError(mapped.code, text, {
    serviceCode: code,
    traceId: traceId || undefined,
    endpoint,
    ...(message ? { serviceMessage: message } : {}),
    ...(mapped.reason === undefined ? {} : { reason: mapped.reason }),
  });
}

/**
 * Input rules of share links (reference §6.1, §6.3). Every breach is code 1 with a message in the
 * service's style (the exact codes are undocumented; the reference says to use 1).
 *
 * - `shareName`: required, not blank, fewer than 35 characters (counted as code points), none of
 *   the characters in switch `shareNameForbiddenChars` ("no special characters" is [S]);
 * - `shareExpire`: exactly 0 (never), 1, 7 or 30 days;
 * - `fileIDList`: a comma-separated string of 1 to 100 ids; each a known, live (not trashed) node;
 * - `trafficSwitch` 1..4, `trafficLimitSwitch` 1..2, `trafficLimit` a whole number of bytes ≥ 0.
 */
import { ApiError, CODES, badParam } from '../core/errors';
import type { DriveState } from '../core/drive-state';
import type { Params } from '../http/params';

export const SHARE_EXPIRE_DAYS = [0, 1, 7, 30] as const;
export const MAX_SHARE_IDS = 100;
/** "Under 35 characters". */
export const MAX_SHARE_NAME_CHARS = 34;

export const SHARE_MESSAGES = {
  nameEmpty: '分享名称不能为空',
  nameTooLong: `分享名称不能超过${MAX_SHARE_NAME_CHARS}个字符`,
  nameChars: '分享名称不能包含特殊字符',
  expire: '分享有效期只能是0、1、7、30天',
  idsEmpty: '分享文件ID不能为空',
  idsTooMany: `一次最多分享${MAX_SHARE_IDS}个文件`,
  idMissing: '分享的文件不存在',
  idTrashed: '回收站中的文件不能分享',
  shareMissing: '分享不存在',
} as const;

export interface TrafficSettings {
  trafficSwitch: number;
  trafficLimitSwitch: number;
  trafficLimit: number;
}

const fail = (message: string): ApiError => new ApiError(CODES.general, message);

export function checkShareName(name: string | undefined, forbidden: string): string {
  if (name === undefined || name.trim() === '') throw fail(SHARE_MESSAGES.nameEmpty);
  if ([...name].length > MAX_SHARE_NAME_CHARS) throw fail(SHARE_MESSAGES.nameTooLong);
  if ([...name].some((ch) => forbidden.includes(ch))) throw fail(SHARE_MESSAGES.nameChars);
  return name;
}

export function checkExpire(params: Params): 0 | 1 | 7 | 30 {
  if (!params.has('shareExpire')) throw fail(SHARE_MESSAGES.expire);
  const days = params.number('shareExpire', -1);
  const allowed = SHARE_EXPIRE_DAYS.find((d) => d === days);
  if (allowed === undefined) throw fail(SHARE_MESSAGES.expire);
  return allowed;
}

/** Parses "1,2,3" (spaces around ids allowed) and checks every id against the drive. */
export function checkShareIds(text: string | undefined, state: DriveState): number[] {
  const parts = (text ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw fail(SHARE_MESSAGES.idsEmpty);
  if (parts.length > MAX_SHARE_IDS) throw fail(SHARE_MESSAGES.idsTooMany);
  const ids = parts.map((p) => {
    if (!/^\d+$/.test(p)) throw badParam('fileIDList');
    return Number(p);
  });
  for (const id of ids) {
    const node = state.get(id);
    if (!node) throw fail(SHARE_MESSAGES.idMissing);
    if (state.inTrash(node)) throw fail(SHARE_MESSAGES.idTrashed);
  }
  return [...new Set(ids)];
}

function intIn(params: Params, key: string, min: number, max: number, fallback: number): number {
  const value = params.number(key, fallback);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw badParam(key);
  return value;
}

/** The traffic fields present in `params`, checked; absent ones are left out. */
export function readTraffic(params: Params): Partial<TrafficSettings> {
  const out: Partial<TrafficSettings> = {};
  if (params.has('trafficSwitch')) out.trafficSwitch = intIn(params, 'trafficSwitch', 1, 4, 1);
  if (params.has('trafficLimitSwitch')) out.trafficLimitSwitch = intIn(params, 'trafficLimitSwitch', 1, 2, 1);
  if (params.has('trafficLimit'))
    out.trafficLimit = intIn(params, 'trafficLimit', 0, Number.MAX_SAFE_INTEGER, 0);
  return out;
}

import type { WireUserInfo } from '../wire/user';
import type { PanUser } from '../types';
import { parseServiceTime } from './time';

export function mapUser(w: WireUserInfo): PanUser {
  const grants = (w.vipInfo ?? []).map((v) => ({
    level: v.vipLevel,
    label: v.vipLabel ?? '',
    endsAt: v.endTime ? parseServiceTime(v.endTime) : undefined,
  }));
  return {
    uid: w.uid,
    nickname: w.nickname,
    spaceUsed: w.spaceUsed,
    spaceTotal: w.spacePermanent + w.spaceTemp,
    vip: grants.length > 0,
    vipLevel: grants.reduce((max, g) => Math.max(max, g.level), 0),
    vipGrants: grants,
    developer: w.developerInfo
      ? { endsAt: w.developerInfo.endTime ? parseServiceTime(w.developerInfo.endTime) : undefined }
      : null,
  };
}

/**
 * `GET /api/v1/user/info` (reference §3): sizes computed from the drive, `spacePermanent` is the
 * quota, `vipInfo` is null for free users and one VIP entry for VIP users.
 */
import { formatFileTime } from '../core/clock';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import type { Router } from '../http/router';

const YEAR_MS = 365 * 24 * 3600 * 1000;

export function userInfo(ctx: FakePanContext): Record<string, unknown> {
  const { user } = ctx;
  const start = formatFileTime(user.createdAt);
  const end = formatFileTime(user.createdAt + 10 * YEAR_MS);
  return {
    uid: user.uid,
    nickname: user.nickname,
    headImage: '',
    passport: '1518****593',
    mail: '',
    spaceUsed: ctx.state.spaceUsed(),
    spacePermanent: ctx.faults.quotaBytes,
    spaceTemp: 0,
    spaceTempExpr: 0,
    vip: user.vip,
    directTraffic: user.vip ? 276046404229020 : 0,
    isHideUID: false,
    httpsCount: 0,
    vipInfo: user.vip ? [{ vipLevel: 1, vipLabel: 'VIP', startTime: start, endTime: end }] : null,
    developerInfo: { startTime: start, endTime: end },
  };
}

export function registerUserRoutes(api: Router, ctx: FakePanContext): void {
  api.get('/api/v1/user/info', () => ok(userInfo(ctx)));
}

/**
 * Per-endpoint QPS limits (reference §10.1). `null` = no limit.
 *
 * | endpoint                          | free | VIP  | source |
 * |-----------------------------------|------|------|--------|
 * | api/v1/user/info                  | 10   | 10   | developer table [D] |
 * | api/v1/file/move                  | 3    | 10   | developer table [D] |
 * | api/v1/file/delete                | 1    | 10   | developer table [D] |
 * | api/v1/file/list (v1)             | 0.2  | 10   | developer table [D] |
 * | api/v2/file/list                  | 5    | 10   | developer table [D] |
 * | upload/v1/file/mkdir              | 5    | 20   | developer table [D] |
 * | api/v1/access_token               | 8    | 10   | developer table [D] |
 * | api/v1/oauth2/access_token        | 100/min | 100/min | third-party note [D] |
 * | api/v1/file/trash                 | 5    | 10   | third-party table (5); VIP own choice, as move |
 * | api/v1/file/infos                 | 10   | 10   | third-party table |
 * | api/v1/file/download_info         | 2    | none | rclone fork citing customer service [S] |
 * | upload/v2/file/create             | 1    | 20   | rclone fork citing customer service [S] |
 * | upload/v2/file/upload_complete    | 5    | 20   | rclone fork citing customer service [S] |
 * | api/v1/file/name, file/rename     | none | none | rclone fork: "unlimited" [S] |
 * | detail, recover, slice, single/create, domain, sha1_reuse | none | none | no figure anywhere |
 * | api/v1/offline/download           | 1    | 1    | OpenList: 1 in flight, slot freed 1 s after return [S hint] |
 * | api/v1/offline/download/process   | 5    | 5    | OpenList: 5 in flight [S hint] |
 * | api/v1/direct-link/url            | 5    | 5    | OpenList: 5 in flight [S hint] |
 * | api/v1/share/create               | none | none | rclone fork citing customer service: "unlimited" [S] |
 * | share list/info, direct-link enable/disable/refresh, copy, async copy + process | none | none | no figure anywhere |
 *
 * Only the developer (client_id) table applies: the emulator has no separate third-party uid
 * table for OAuth tokens (they get the same limits).
 */

export interface RateRule {
  /** Requests allowed per `perMs`. */
  count: number;
  perMs: number;
}

export interface RateEntry {
  free: number | RateRule | null;
  vip: number | RateRule | null;
}

const perMinute100: RateRule = { count: 100, perMs: 60_000 };

export const RATE_TABLE: Readonly<Record<string, RateEntry>> = {
  'api/v1/user/info': { free: 10, vip: 10 },
  'api/v1/file/move': { free: 3, vip: 10 },
  'api/v1/file/delete': { free: 1, vip: 10 },
  'api/v1/file/list': { free: 0.2, vip: 10 },
  'api/v2/file/list': { free: 5, vip: 10 },
  'upload/v1/file/mkdir': { free: 5, vip: 20 },
  'api/v1/access_token': { free: 8, vip: 10 },
  'api/v1/oauth2/access_token': { free: perMinute100, vip: perMinute100 },
  'api/v1/file/trash': { free: 5, vip: 10 },
  'api/v1/file/infos': { free: 10, vip: 10 },
  'api/v1/file/download_info': { free: 2, vip: null },
  'upload/v2/file/create': { free: 1, vip: 20 },
  'upload/v2/file/upload_complete': { free: 5, vip: 20 },
  'api/v1/offline/download': { free: 1, vip: 1 },
  'api/v1/offline/download/process': { free: 5, vip: 5 },
  'api/v1/direct-link/url': { free: 5, vip: 5 },
  'api/v1/share/create': { free: null, vip: null },
};

/**
 * The window rule for a QPS figure. QPS >= 1 means `qps` calls per second; below 1 means one
 * call per `1/qps` seconds (0.2 QPS = 1 call per 5 s). `windowMs` is the length of "one
 * second" (1000 normally).
 */
export function ruleFor(limit: number | RateRule, windowMs: number): RateRule {
  if (typeof limit !== 'number') return limit;
  if (limit >= 1) return { count: Math.floor(limit), perMs: windowMs };
  return { count: 1, perMs: Math.round(windowMs / limit) };
}

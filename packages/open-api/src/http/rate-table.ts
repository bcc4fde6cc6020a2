/**
 * Per-endpoint request rates (requests per second) used by the proactive limiter.
 *
 * Published figures come from the developer table in §10.1 (docs revision 2025-10). Where
 * no figure is published we pick one and say why, erring low because a 429 costs a backoff
 * of at least half a second, far more than a slightly slower steady pace. `null` = no limit.
 */
export type LimitKey =
  | 'access_token'
  | 'oauth_token'
  | 'user_info'
  | 'list_v2'
  | 'list_v1'
  | 'detail'
  | 'infos'
  | 'mkdir'
  | 'rename'
  | 'move'
  | 'trash'
  | 'recover'
  | 'delete'
  | 'upload_create'
  | 'upload_complete'
  | 'upload_domain'
  | 'upload_single'
  | 'sha1_reuse'
  | 'download_info'
  | 'share_create'
  | 'share_list'
  | 'share_update'
  | 'direct_link_url'
  | 'direct_link_admin'
  | 'offline_download'
  | 'offline_process'
  | 'copy'
  | 'copy_process';

export type RateTier = 'free' | 'vip';

export interface RateFigure {
  free: number | null;
  vip: number | null;
}

export const RATE_TABLE: Record<LimitKey, RateFigure> = {
  // §10.1 developer table, published.
  access_token: { free: 8, vip: 10 },
  user_info: { free: 10, vip: 10 },
  list_v2: { free: 5, vip: 10 },
  list_v1: { free: 0.2, vip: 10 },
  mkdir: { free: 5, vip: 20 },
  move: { free: 3, vip: 10 },
  delete: { free: 1, vip: 10 },
  // 100 per minute with IP-level blocking when exceeded (§2.3): stay well inside.
  oauth_token: { free: 100 / 60, vip: 100 / 60 },
  // Third-party table gives infos 10 and trash 5; no developer figure exists.
  infos: { free: 10, vip: 10 },
  trash: { free: 5, vip: 10 },
  // Unpublished: detail is a read like list, so it gets list's figures.
  detail: { free: 5, vip: 10 },
  // Unpublished: rename and recover are single-item writes like move; OpenList runs file/name at
  // one request in flight. Use move's figures.
  rename: { free: 3, vip: 10 },
  recover: { free: 3, vip: 10 },
  // rclone fork quoting customer service: v2 create 1 free / 20 VIP, upload_complete 5 / 20,
  // download_info 2 / unlimited (we keep 10 for VIP to stay polite).
  upload_create: { free: 1, vip: 20 },
  upload_single: { free: 1, vip: 20 },
  sha1_reuse: { free: 1, vip: 20 },
  upload_complete: { free: 5, vip: 20 },
  download_info: { free: 2, vip: 10 },
  // Unpublished and called once per session (the result is cached by callers).
  upload_domain: { free: 2, vip: 10 },
  // Shares: the rclone fork quotes "unlimited" for creation; nothing else is published. Pace
  // creation and listing like the v2 list, traffic changes like move.
  share_create: { free: 5, vip: 10 },
  share_list: { free: 5, vip: 10 },
  share_update: { free: 3, vip: 10 },
  // Direct links: OpenList runs `direct-link/url` 5 in flight; enable/disable/refresh are rare
  // account changes, paced like move.
  direct_link_url: { free: 5, vip: 5 },
  direct_link_admin: { free: 3, vip: 10 },
  // Offline download: OpenList allows 1 call in flight and 5 for `process`.
  offline_download: { free: 1, vip: 1 },
  offline_process: { free: 5, vip: 5 },
  // Copy: unpublished; a write like move, its progress a read like detail.
  copy: { free: 3, vip: 10 },
  copy_process: { free: 5, vip: 10 },
};

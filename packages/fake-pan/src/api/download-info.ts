/**
 * `GET /api/v1/file/download_info?fileId=<id>` (reference §8.1) → `{downloadUrl}`, a URL on the
 * fake CDN signed to expire `downloadUrlLifetimeSec` from now.
 *
 * Answers, in this order:
 * - unknown id, a folder, or a file in the trash (trashed itself or under a trashed folder) →
 *   5066 (own choice: the reference documents folders as unsupported and says nothing about
 *   trash; the client should treat all three as "not found");
 * - fault `trafficExhausted` → 5113 with the service's daily-cap message;
 * - the first `downloadInfo20103Polls` calls after an upload produced the file → 20103;
 * - otherwise the URL.
 */
import { ApiError, CODES, notFound } from '../core/errors';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import type { Router } from '../http/router';
import { takeVerifyingAnswer } from './download-verify';

export const TRAFFIC_EXHAUSTED_MESSAGE = '您今日自用下载流量已超出1GB上限，升级VIP会员可无限流量下载';
export const VERIFYING_DOWNLOAD_MESSAGE = '文件正在校验中,请间隔1秒后再试';

/** The signed CDN URL for a live file id, or the error the service would answer. */
export function downloadUrlFor(ctx: FakePanContext, fileId: number): string {
  const node = ctx.state.get(fileId);
  if (!node || node.type !== 0 || ctx.state.inTrash(node)) throw notFound();
  if (ctx.faults.trafficExhausted) throw new ApiError(CODES.trafficExhausted, TRAFFIC_EXHAUSTED_MESSAGE);
  if (takeVerifyingAnswer(ctx, fileId)) throw new ApiError(CODES.verifying, VERIFYING_DOWNLOAD_MESSAGE);
  const expiresAtSec = Math.floor(ctx.clock.now() / 1000) + ctx.faults.downloadUrlLifetimeSec;
  return ctx.signer.sign(ctx.urls.cdnUrl, {
    md5: node.md5,
    size: node.size,
    uid: ctx.user.uid,
    filename: node.name,
    expiresAtSec,
  });
}

export function registerDownloadRoutes(api: Router, ctx: FakePanContext): void {
  api.get('/api/v1/file/download_info', (req) =>
    ok({ downloadUrl: downloadUrlFor(ctx, req.query.id('fileId')) }),
  );
}

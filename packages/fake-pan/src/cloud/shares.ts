/**
 * Share links (reference §6.1-§6.3): create, list (cursor paging like the v2 file list), and the
 * traffic settings change. Shares persist in `<dataDir>/shares.json`.
 *
 * - Ids ascend from `FIRST_SHARE_ID`; the list cursor is the page's last id, `-1` when nothing
 *   follows; `limit` over 100 is clamped or refused like the file list (switch `listLimitOver100`).
 * - `expiration` is creation time + `shareExpire` days on the emulator's clock, as UTC+8
 *   "YYYY-MM-DD HH:mm:ss"; `expired` turns 1 once the clock passes it. A share with
 *   `shareExpire: 0` never expires and shows switch `shareNoExpiryTime`.
 * - Traffic settings absent at creation are 1 (traffic package off), 1 (no limit) and 0 bytes.
 * - The change call checks every share id and every value before it changes anything.
 * - Counters (`previewCount`, `downloadCount`, `saveCount`, `bytesCharge`) stay 0: the emulator
 *   has no public share page that could count them.
 */
import { randomBytes } from 'node:crypto';
import { formatFileTime } from '../core/clock';
import { ApiError, CODES, badParam } from '../core/errors';
import type { FakePanContext } from '../http/context';
import { ok } from '../http/envelope';
import type { Router } from '../http/router';
import { createRecordStore, type RecordStore } from './record-store';
import {
  MAX_SHARE_IDS,
  SHARE_MESSAGES,
  checkExpire,
  checkShareIds,
  checkShareName,
  readTraffic,
  type TrafficSettings,
} from './share-rules';

export const FIRST_SHARE_ID = 80_000_000;
const DAY_MS = 24 * 3600 * 1000;
const MAX_PAGE = 100;

export interface ShareRecord extends TrafficSettings {
  shareId: number;
  shareKey: string;
  shareName: string;
  fileIds: number[];
  sharePwd: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms, or null for a share that never expires. */
  expiresAt: number | null;
}

export interface SharesHandle {
  get(shareId: number): ShareRecord | undefined;
  all(): ShareRecord[];
  flush(): void;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Looks like the real keys ("7tLkTd-xxxx"): six letters or digits, a dash, four more. */
function newShareKey(): string {
  const pick = (n: number): string =>
    [...randomBytes(n)].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length]).join('');
  return `${pick(6)}-${pick(4)}`;
}

export function shareInfo(ctx: FakePanContext, share: ShareRecord): Record<string, unknown> {
  const expired = share.expiresAt !== null && ctx.clock.now() > share.expiresAt;
  return {
    shareId: share.shareId,
    shareKey: share.shareKey,
    shareName: share.shareName,
    expiration: share.expiresAt === null ? ctx.switches.shareNoExpiryTime : formatFileTime(share.expiresAt),
    expired: expired ? 1 : 0,
    sharePwd: share.sharePwd,
    trafficSwitch: share.trafficSwitch,
    trafficLimitSwitch: share.trafficLimitSwitch,
    trafficLimit: share.trafficLimit,
    bytesCharge: 0,
    previewCount: 0,
    downloadCount: 0,
    saveCount: 0,
  };
}

function pageLimit(ctx: FakePanContext, raw: number): number {
  if (!Number.isInteger(raw) || raw < 1) throw badParam('limit');
  if (raw <= MAX_PAGE) return raw;
  if (ctx.switches.listLimitOver100 === 'error') throw new ApiError(CODES.general, 'limit最大为100');
  return MAX_PAGE;
}

export function registerShareRoutes(api: Router, ctx: FakePanContext): SharesHandle {
  const store: RecordStore<ShareRecord> = createRecordStore(ctx.dataDir, 'shares.json', FIRST_SHARE_ID);
  ctx.onClose(() => store.flush());

  api.post('/api/v1/share/create', async (req) => {
    const body = await req.body();
    const shareName = checkShareName(body.optionalString('shareName'), ctx.switches.shareNameForbiddenChars);
    const days = checkExpire(body);
    const fileIds = checkShareIds(body.optionalString('fileIDList'), ctx.state);
    const traffic = { trafficSwitch: 1, trafficLimitSwitch: 1, trafficLimit: 0, ...readTraffic(body) };
    const now = ctx.clock.now();
    const share: ShareRecord = {
      shareId: store.nextId(),
      shareKey: newShareKey(),
      shareName,
      fileIds,
      sharePwd: body.optionalString('sharePwd') ?? '',
      createdAt: now,
      expiresAt: days === 0 ? null : now + days * DAY_MS,
      ...traffic,
    };
    store.put(share.shareId, share);
    return ok({ shareID: share.shareId, shareKey: share.shareKey });
  });

  api.get('/api/v1/share/list', (req) => {
    const limit = pageLimit(ctx, req.query.number('limit', MAX_PAGE));
    const after = Math.max(0, req.query.optionalId('lastShareId') ?? 0);
    const ids = store.ids().filter((id) => id > after);
    const page = ids.slice(0, limit);
    const last = page[page.length - 1];
    return ok({
      lastShareId: ids.length > limit && last !== undefined ? last : -1,
      shareList: page.map((id) => shareInfo(ctx, store.get(id) as ShareRecord)),
    });
  });

  api.put('/api/v1/share/list/info', async (req) => {
    const body = await req.body();
    const ids = body.idList('shareIdList');
    if (ids.length === 0) throw new ApiError(CODES.general, SHARE_MESSAGES.shareMissing);
    if (ids.length > MAX_SHARE_IDS) throw new ApiError(CODES.general, SHARE_MESSAGES.idsTooMany);
    const shares = ids.map((id) => {
      const share = store.get(id);
      if (!share) throw new ApiError(CODES.general, SHARE_MESSAGES.shareMissing);
      return share;
    });
    const traffic = readTraffic(body);
    for (const share of shares) Object.assign(share, traffic);
    store.changed();
    return ok(null);
  });

  return { get: (id) => store.get(id), all: () => store.values(), flush: () => store.flush() };
}

import { checkName } from '@pandesk/contract';
import type { CreatedShare, ShareInput, ShareLink, SharePage, ShareTraffic } from '../cloud-types';
import { PanError } from '../errors';
import type { HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import { SHARE_PAGE_BASE, mapSharePage, trafficToWire } from '../map/cloud';
import { chunk } from '../util/batch';
import { wireNullData } from '../wire/common';
import { wireShareCreate, wireShareList } from '../wire/cloud';

/** §6.1: at most 100 ids per share and per traffic change; names under 35 characters. */
export const MAX_SHARE_IDS = 100;
export const MAX_SHARE_NAME_CHARS = 34;
const EXPIRY_DAYS: readonly number[] = [0, 1, 7, 30];

export interface ShareListOptions {
  signal?: AbortSignal;
  /** Page size, 1..100 (default 100). */
  limit?: number;
  /** Resume from `SharePage.nextCursor`. */
  cursor?: number;
}

export interface SharesApi {
  /** One share link over 1..100 files or folders. */
  create(input: ShareInput): Promise<CreatedShare>;
  /** Pages of the account's shares, until the service says -1. */
  list(options?: ShareListOptions): AsyncIterable<SharePage>;
  listAll(options?: Omit<ShareListOptions, 'cursor'>): Promise<ShareLink[]>;
  /** Changes only the traffic settings (name, expiry and code are fixed); batches of 100. */
  setTraffic(
    shareIds: readonly number[],
    traffic: Partial<ShareTraffic>,
    options?: { signal?: AbortSignal },
  ): Promise<void>;
}

function checkIds(ids: readonly number[], what: string): void {
  for (const id of ids)
    if (!Number.isSafeInteger(id) || id <= 0)
      throw new PanError('invalid_argument', `not a ${what} id: ${id}`);
}

function checkTraffic(t: Partial<ShareTraffic>): void {
  if (
    t.limitBytes !== undefined &&
    t.limitBytes !== null &&
    (!Number.isSafeInteger(t.limitBytes) || t.limitBytes < 0)
  )
    throw new PanError('invalid_argument', 'traffic limit must be a whole number of bytes ≥ 0');
}

/** What is certain about share input (§6.1); the service decides which characters are special. */
function checkShareInput(input: ShareInput): void {
  const name = input.name;
  if (name.trim() === '') throw new PanError('invalid_argument', 'share name is empty');
  if ([...name].length > MAX_SHARE_NAME_CHARS)
    throw new PanError('invalid_argument', `share name must be under ${MAX_SHARE_NAME_CHARS + 1} characters`);
  if (!checkName(name).ok)
    throw new PanError('invalid_name', 'share name has a character the service forbids');
  if (!EXPIRY_DAYS.includes(input.expiryDays))
    throw new PanError('invalid_argument', 'share expiry must be 0 (never), 1, 7 or 30 days');
  if (input.fileIds.length === 0 || input.fileIds.length > MAX_SHARE_IDS)
    throw new PanError('invalid_argument', `a share holds 1 to ${MAX_SHARE_IDS} files`);
  checkIds(input.fileIds, 'file');
  if (input.traffic) checkTraffic(input.traffic);
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new PanError('invalid_argument', `share list limit must be 1..100, got ${limit}`);
  return limit;
}

export function createSharesApi(core: HttpCore): SharesApi {
  async function* list(options: ShareListOptions = {}): AsyncGenerator<SharePage> {
    const limit = checkLimit(options.limit ?? 100);
    let cursor = options.cursor ?? 0;
    const seen = new Set<number>();
    for (;;) {
      const page = mapSharePage(
        await core.call(ENDPOINTS.shareList, wireShareList, {
          signal: options.signal,
          query: { limit, lastShareId: cursor === 0 ? undefined : cursor },
        }),
      );
      yield page;
      if (page.done) return;
      if (seen.has(page.nextCursor))
        throw new PanError('bad_response', 'share.list: the paging cursor repeated', {
          endpoint: 'share.list',
        });
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  return {
    async create(input) {
      checkShareInput(input);
      const data = await core.call(ENDPOINTS.shareCreate, wireShareCreate, {
        signal: input.signal,
        json: {
          shareName: input.name,
          shareExpire: input.expiryDays,
          fileIDList: input.fileIds.join(','),
          ...(input.password ? { sharePwd: input.password } : {}),
          ...trafficToWire(input.traffic ?? {}),
        },
      });
      return { id: data.shareID, key: data.shareKey, url: `${SHARE_PAGE_BASE}${data.shareKey}` };
    },
    list,
    async listAll(options = {}) {
      const out: ShareLink[] = [];
      for await (const page of list(options)) out.push(...page.items);
      return out;
    },
    async setTraffic(shareIds, traffic, options = {}) {
      checkIds(shareIds, 'share');
      checkTraffic(traffic);
      const fields = trafficToWire(traffic);
      if (Object.keys(fields).length === 0)
        throw new PanError('invalid_argument', 'no traffic setting to change');
      for (const batch of chunk(shareIds, MAX_SHARE_IDS)) {
        await core.call(ENDPOINTS.shareUpdate, wireNullData, {
          signal: options.signal,
          json: { shareIdList: batch, ...fields },
        });
      }
    },
  };
}

/**
 * The contract's `shares` domain over the open-api client: create a share link, page through
 * the account's shares, change their traffic settings. Paging hands the service's own cursor
 * out as `share.<n>`, so the back end stays stateless.
 */
import type { SharesApi } from '@pandesk/contract';
import type { PanClient } from '@pandesk/open-api';
import { cloudError } from '../cloud/cloud-errors';
import type { CloudRun } from '../cloud/cloud-errors';
import type { Clock } from '../ports';
import { toShareLink, toTraffic } from './map-share';

/** Shares per page of `shares.list`. */
export const SHARE_PAGE_SIZE = 50;
const DAY_MS = 24 * 3600 * 1000;
const CURSOR = /^share\.([1-9]\d{0,15})$/;

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = CURSOR.exec(cursor);
  const value = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(value)) throw cloudError('bad_cursor');
  return value;
}

export function createSharesApi(options: {
  client: () => PanClient;
  clock: Clock;
  run: CloudRun;
}): SharesApi {
  const { clock, run } = options;
  return {
    create: (input) =>
      run(async () => {
        const created = await options.client().shares.create({
          name: input.name,
          fileIds: input.ids,
          expiryDays: input.expiryDays,
          ...(input.extractionCode === undefined ? {} : { password: input.extractionCode }),
          ...(input.traffic === undefined ? {} : { traffic: input.traffic }),
        });
        const now = clock.now();
        return {
          id: created.id,
          name: input.name,
          url: created.url,
          extractionCode: input.extractionCode ?? null,
          expiresAt: input.expiryDays === 0 ? null : now + input.expiryDays * DAY_MS,
          expired: false,
          traffic: toTraffic(input.traffic) ?? { package: 'off', limitBytes: null },
          previews: 0,
          downloads: 0,
          saves: 0,
          bytesCharged: 0,
        };
      }),
    list: ({ cursor }) =>
      run(async () => {
        const after = decodeCursor(cursor);
        const pages = options.client().shares.list({ limit: SHARE_PAGE_SIZE, cursor: after });
        for await (const page of pages) {
          const now = clock.now();
          return {
            items: page.items.map((s) => toShareLink(s, now)),
            cursor: page.done ? null : `share.${page.nextCursor}`,
          };
        }
        return { items: [], cursor: null };
      }),
    setTraffic: ({ ids, traffic }) =>
      run(async () => {
        await options.client().shares.setTraffic(ids, traffic);
        return null;
      }),
  };
}

/**
 * Thumbnails for the grid view (see the contract's `thumbnails.ts`): answers a stored
 * thumbnail without any traffic, or fetches the image's bytes for the renderer to make one,
 * within the size bound, the daily budget and the service's own daily allowance:
 * - images larger than `thumbnailMaxImageMb` are refused before anything is fetched;
 * - thumbnails stop for the service day (UTC+8) once they used `thumbnailDailyBudgetMb`;
 * - after the service answers 5113 (daily download traffic used up) they stay off until the
 *   next service day.
 * The signed CDN URL stays here: the renderer receives bytes only.
 */
import { join } from 'node:path';
import { ApiException } from '@pandesk/contract';
import type {
  FileId,
  Settings,
  StoreThumbnailInput,
  ThumbnailInput,
  ThumbnailSource,
  ThumbnailTraffic,
} from '@pandesk/contract';
import { isPanError } from '@pandesk/open-api';
import type { FetchLike } from '@pandesk/transfer';
import type { Clock } from '../ports';
import { fetchCounted } from './fetch-counted';
import { nextServiceDayStart, serviceDay } from './service-day';
import { createThumbnailCache } from './thumbnail-cache';
import type { ThumbnailCache, ThumbnailCacheFs } from './thumbnail-cache';
import { createTrafficLedger } from './traffic-ledger';
import type { TrafficLedger } from './traffic-ledger';

const MIB = 1024 * 1024;

type ThumbnailSettings = Pick<
  Settings,
  'thumbnails' | 'thumbnailMaxImageMb' | 'thumbnailCacheLimitMb' | 'thumbnailDailyBudgetMb'
>;

export interface ThumbnailsOptions {
  /** `<userData>/thumbnails`; one subfolder per drive. */
  readonly root: string;
  /** The current drive's key (`demo` or the account's uid). */
  readonly driveKey: () => Promise<string>;
  readonly settings: () => ThumbnailSettings;
  /** A fresh signed CDN URL of a file (the API call that answers 5113 when traffic is spent). */
  readonly downloadUrl: (fileId: FileId) => Promise<string>;
  /** CDN fetch following the download method setting (as the transfer engine's). */
  readonly fetch: FetchLike;
  readonly clock: Clock;
  readonly fs?: ThumbnailCacheFs;
}

export interface Thumbnails {
  get(input: ThumbnailInput): Promise<ThumbnailSource>;
  store(input: StoreThumbnailInput): Promise<void>;
  traffic(): Promise<ThumbnailTraffic>;
}

/** A made thumbnail must be what it says: WebP, JPEG or PNG by its first bytes. */
function looksLike(type: StoreThumbnailInput['type'], data: Buffer): boolean {
  if (type === 'image/webp')
    return data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP';
  if (type === 'image/jpeg') return data[0] === 0xff && data[1] === 0xd8;
  return data.toString('latin1', 1, 4) === 'PNG';
}

function isTrafficExhausted(error: unknown): boolean {
  if (isPanError(error)) return error.code === 'traffic_exhausted' || error.reason === 'traffic_exhausted';
  return error instanceof ApiException && error.reason === 'traffic_exhausted';
}

export function createThumbnails(options: ThumbnailsOptions): Thumbnails {
  const drives = new Map<string, { cache: ThumbnailCache; ledger: TrafficLedger }>();
  /** The budget a refusal happened under, per service day: thumbnails stay paused for that day. */
  let budgetRefused: { day: string; budgetBytes: number } | undefined;
  /** Sizes of the images being fetched now: counted against the budget before they arrive. */
  let fetchingBytes = 0;

  async function drive(): Promise<{ cache: ThumbnailCache; ledger: TrafficLedger }> {
    const key = await options.driveKey();
    let found = drives.get(key);
    if (found === undefined) {
      const dir = join(options.root, key);
      found = {
        cache: createThumbnailCache(join(dir, 'cache'), options.fs),
        ledger: createTrafficLedger(join(dir, 'traffic.json'), options.clock),
      };
      drives.set(key, found);
    }
    return found;
  }

  const budgetBytes = (): number => options.settings().thumbnailDailyBudgetMb * MIB;

  async function get(input: ThumbnailInput): Promise<ThumbnailSource> {
    const settings = options.settings();
    if (!settings.thumbnails) return { kind: 'none', why: 'off' };
    const { cache, ledger } = await drive();
    const stored = await cache.read(input.md5, input.px, options.clock.now());
    if (stored !== undefined)
      return { kind: 'thumbnail', type: stored.type, data: stored.data.toString('base64') };
    const maxBytes = settings.thumbnailMaxImageMb * MIB;
    if (input.size > maxBytes) return { kind: 'none', why: 'too_large' };
    const facts = await ledger.facts();
    if (facts.exhaustedToday) return { kind: 'none', why: 'traffic_exhausted' };
    const today = serviceDay(options.clock.now());
    const stopped = budgetRefused?.day === today && budgetRefused.budgetBytes === budgetBytes();
    if (stopped || facts.todayBytes + fetchingBytes + input.size > budgetBytes()) {
      budgetRefused = { day: today, budgetBytes: budgetBytes() };
      return { kind: 'none', why: 'budget_spent' };
    }
    fetchingBytes += input.size;
    try {
      return await fetchImage(input, ledger, maxBytes);
    } finally {
      fetchingBytes -= input.size;
    }
  }

  async function fetchImage(
    input: ThumbnailInput,
    ledger: TrafficLedger,
    maxBytes: number,
  ): Promise<ThumbnailSource> {
    let url: string;
    try {
      url = await options.downloadUrl(input.fileId);
    } catch (error) {
      if (!isTrafficExhausted(error)) throw error;
      await ledger.markExhausted();
      return { kind: 'none', why: 'traffic_exhausted' };
    }
    let counted = 0;
    try {
      const bytes = await fetchCounted(options.fetch, url, maxBytes, (n) => (counted += n));
      return { kind: 'image', data: bytes.toString('base64') };
    } finally {
      await ledger.count(counted);
    }
  }

  return {
    get,
    async store(input) {
      const data = Buffer.from(input.data, 'base64');
      if (!looksLike(input.type, data))
        throw ApiException.because('invalid_request', `the thumbnail is not a ${input.type} image`);
      const { cache } = await drive();
      await cache.write(
        input.md5,
        input.px,
        { type: input.type, data },
        options.settings().thumbnailCacheLimitMb * MIB,
      );
    },
    async traffic() {
      const { cache, ledger } = await drive();
      const facts = await ledger.facts();
      const now = options.clock.now();
      const budget = budgetBytes();
      const spent =
        facts.todayBytes >= budget ||
        (budgetRefused?.day === serviceDay(now) && budgetRefused.budgetBytes === budget);
      const pausedBecause = facts.exhaustedToday ? 'traffic_exhausted' : spent ? 'budget_spent' : null;
      return {
        todayBytes: facts.todayBytes,
        totalBytes: facts.totalBytes,
        dailyBudgetBytes: budget,
        pausedUntil: pausedBecause === null ? null : nextServiceDayStart(now),
        pausedBecause,
        cacheBytes: await cache.bytes(),
        cacheLimitBytes: options.settings().thumbnailCacheLimitMb * MIB,
      };
    },
  };
}

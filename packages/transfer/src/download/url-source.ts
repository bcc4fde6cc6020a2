/**
 * The download URL of one file, fetched once per download session and renewed when the CDN
 * rejects it (403/410) or when its `t` query parameter (expiry, Unix seconds) is near.
 * Single-flight: parallel segments share one renewal.
 */
import type { JobContext } from '../job-context';
import { withRetry } from '../retry';

export interface UrlSource {
  get(): Promise<string>;
  /** Marks `url` as rejected; the next get() fetches a new one (once, even if many segments report it). */
  reject(url: string): void;
}

/** Expiry in epoch ms from the `t` parameter, or undefined when the URL does not carry one. */
export function urlExpiry(url: string): number | undefined {
  try {
    const t = Number(new URL(url).searchParams.get('t'));
    return Number.isFinite(t) && t > 0 ? t * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A URL just fetched is always tried once, even if its `t` looks past (clock skew); only a
 * cached URL is judged by its expiry.
 */
export function createUrlSource(ctx: JobContext, fileId: number): UrlSource {
  let current: string | undefined;
  let pending: Promise<string> | undefined;
  const fresh = (url: string): boolean => {
    const expiry = urlExpiry(url);
    return expiry === undefined || expiry - ctx.tuning.urlExpiryMarginMs > ctx.clock.now();
  };
  return {
    get() {
      if (current !== undefined && fresh(current)) return Promise.resolve(current);
      pending ??= withRetry(ctx, 'downloading', (onWait) =>
        ctx.backend.downloadUrl(fileId, ctx.signal, onWait),
      ).then(
        (url) => {
          current = url;
          pending = undefined;
          return url;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    reject(url) {
      if (current === url) current = undefined;
    },
  };
}

import type { FileId } from './common';
import { BROWSER_RASTER_IMAGES } from './open-files';

/**
 * Thumbnails of images for the grid view. The API offers none, so they are made locally: the
 * back end fetches the image's bytes (counting them as thumbnail traffic, never handing the
 * signed CDN URL to the renderer), the renderer decodes them and draws a small WebP or JPEG
 * at tile size, and gives it back to the back end, which keeps it in a per-drive disk cache
 * keyed by the file's MD5 and the thumbnail size. A cached thumbnail costs no traffic.
 *
 * Traffic: the API reports no remaining download traffic (user/info has no such figure); a
 * free account may download 1 GB a day for its own use (service code 5113 when spent). So
 * thumbnails stop for the day once they used `thumbnailDailyBudgetMb`, and after any 5113
 * answer they stay off until the next service day (midnight UTC+8).
 *
 * Videos get no poster (their type icon): a frame would need a video decoder fed from a ranged
 * stream per tile, which is not cheap.
 */

/** Extensions made into thumbnails (SVG only as an `<img>`, which runs no script). */
export const THUMBNAIL_EXTENSIONS: readonly string[] = [...BROWSER_RASTER_IMAGES, 'svg'];

/** Thumbnail edges made, in device pixels (the grid asks for the one that covers its tile). */
export const THUMBNAIL_SIZES = [128, 256] as const;
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number];

/** Largest thumbnail the back end stores (a 256 px WebP is a few tens of KB). */
export const MAX_THUMBNAIL_BYTES = 256 * 1024;

/** Types a made thumbnail may have. */
export const THUMBNAIL_TYPES = ['image/webp', 'image/jpeg', 'image/png'] as const;
export type ThumbnailType = (typeof THUMBNAIL_TYPES)[number];

/** Limits of the thumbnail settings, in MiB. */
export const MIN_THUMBNAIL_IMAGE_MB = 1;
export const MAX_THUMBNAIL_IMAGE_MB = 64;
export const MIN_THUMBNAIL_CACHE_MB = 1;
export const MAX_THUMBNAIL_CACHE_MB = 64 * 1024;
export const MAX_THUMBNAIL_BUDGET_MB = 1024;

/** Input of `app.thumbnail`: the image as listed (its MD5 keys the cache) and the edge wanted. */
export interface ThumbnailInput {
  readonly fileId: FileId;
  readonly md5: string;
  readonly size: number;
  readonly px: ThumbnailSize;
}

/** Why no thumbnail is made; the tile shows the type icon. */
export type ThumbnailRefusal =
  /** The `thumbnails` setting is off. */
  | 'off'
  /** The image is larger than `thumbnailMaxImageMb`: nothing was fetched. */
  | 'too_large'
  /** Thumbnails used today's `thumbnailDailyBudgetMb`. */
  | 'budget_spent'
  /** The service said the day's download traffic is used up (5113). */
  | 'traffic_exhausted';

/** Answer of `app.thumbnail`. `data` is base64. */
export type ThumbnailSource =
  /** A stored thumbnail: show it. */
  | { readonly kind: 'thumbnail'; readonly type: ThumbnailType; readonly data: string }
  /** The image's own bytes (fetched now, counted): make the thumbnail and store it. */
  | { readonly kind: 'image'; readonly data: string }
  | { readonly kind: 'none'; readonly why: ThumbnailRefusal };

/** Input of `app.storeThumbnail`: a thumbnail the renderer made from the bytes of `app.thumbnail`. */
export interface StoreThumbnailInput {
  readonly md5: string;
  readonly px: ThumbnailSize;
  readonly type: ThumbnailType;
  readonly data: string;
}

/** Bytes thumbnails downloaded, and whether they are paused (answer of `app.thumbnailTraffic`). */
export interface ThumbnailTraffic {
  /** Today: the service day, which starts at midnight UTC+8. */
  readonly todayBytes: number;
  readonly totalBytes: number;
  readonly dailyBudgetBytes: number;
  /** Thumbnails made no new traffic until this time (epoch ms), or `null`. */
  readonly pausedUntil: number | null;
  readonly pausedBecause: 'budget_spent' | 'traffic_exhausted' | null;
  /** What the thumbnail cache holds now. */
  readonly cacheBytes: number;
  readonly cacheLimitBytes: number;
}

import * as fsp from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThumbnailCache } from './thumbnail-cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandesk-thumbs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const md5 = (c: string): string => c.repeat(32);
const thumb = (seed: number) => ({ type: 'image/webp' as const, data: Buffer.alloc(1000, seed) });

describe('thumbnail cache', () => {
  it('keeps under its cap by evicting the least recently shown', async () => {
    const cache = createThumbnailCache(dir);
    await cache.write(md5('a'), 256, thumb(1), 2500);
    await cache.write(md5('b'), 256, thumb(2), 2500);
    // A shown again: now more recent than B.
    expect((await cache.read(md5('a'), 256, Date.now() + 60_000))?.data).toEqual(thumb(1).data);
    await cache.write(md5('c'), 256, thumb(3), 2500);
    expect(await cache.read(md5('b'), 256, Date.now())).toBeUndefined();
    expect((await cache.read(md5('a'), 256, Date.now() + 120_000))?.data).toEqual(thumb(1).data);
    expect((await cache.read(md5('c'), 256, Date.now()))?.data).toEqual(thumb(3).data);
    expect(await cache.bytes()).toBe(2000);
  });

  it('keys by content and size, and replaces an entry rather than adding to it', async () => {
    const cache = createThumbnailCache(dir);
    await cache.write(md5('a'), 128, thumb(1), 1_000_000);
    expect(await cache.read(md5('a'), 256, Date.now())).toBeUndefined();
    await cache.write(md5('a'), 128, { type: 'image/jpeg', data: Buffer.alloc(500, 7) }, 1_000_000);
    expect(await cache.read(md5('a'), 128, Date.now())).toEqual({
      type: 'image/jpeg',
      data: Buffer.alloc(500, 7),
    });
    expect(await cache.bytes()).toBe(500);
  });

  it('lists the folder once for its size, then follows its own writes', async () => {
    const seeded = createThumbnailCache(dir);
    await seeded.write(md5('a'), 256, thumb(1), 1_000_000);
    let listings = 0;
    const counting = {
      ...fsp,
      readdir: ((...args: Parameters<typeof fsp.readdir>) => {
        listings++;
        return fsp.readdir(...args);
      }) as typeof fsp.readdir,
    };
    const cache = createThumbnailCache(dir, counting);
    expect(await cache.bytes()).toBe(1000);
    const afterFirst = listings;
    expect(afterFirst).toBeGreaterThan(0);
    await cache.write(md5('b'), 256, thumb(2), 1_000_000);
    expect(await cache.bytes()).toBe(2000);
    expect(await cache.bytes()).toBe(2000);
    // The write looks into its own entry only; no listing of the whole folder again.
    expect(listings - afterFirst).toBeLessThanOrEqual(2);
  });
});

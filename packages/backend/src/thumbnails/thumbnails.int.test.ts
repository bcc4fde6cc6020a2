import { createHash } from 'node:crypto';
import { unwrap } from '@pandesk/contract';
import type { ThumbnailInput } from '@pandesk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';
import { nextServiceDayStart } from './service-day';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const KIB = 1024;
const md5 = (bytes: Buffer): string => createHash('md5').update(bytes).digest('hex');
/** Bytes standing for an image: the back end never decodes them, it only fetches and counts. */
const imageBytes = (n: number, seed: number): Buffer => Buffer.alloc(n, seed);
/** A (tiny) WebP as the renderer would give back: the RIFF/WEBP header is what is checked. */
const webp = Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(40, 9)]);

async function addImage(path: string, bytes: Buffer): Promise<ThumbnailInput> {
  const file = await h.fake.state.addFile(path, bytes);
  return { fileId: file.id, md5: md5(bytes), size: bytes.length, px: 256 };
}

describe('thumbnails', () => {
  it('fetches an image once and counts it; the stored thumbnail then costs no traffic', async () => {
    const bytes = imageBytes(30 * KIB, 5);
    const input = await addImage('/Photos/a.png', bytes);

    const first = unwrap(await h.client.app.thumbnail(input));
    expect(first).toEqual({ kind: 'image', data: bytes.toString('base64') });
    expect(h.fake.traffic.cdnBytes(input.md5)).toBe(bytes.length);
    const afterFetch = unwrap(await h.client.app.thumbnailTraffic());
    expect(afterFetch).toMatchObject({
      todayBytes: bytes.length,
      totalBytes: bytes.length,
      pausedBecause: null,
    });

    unwrap(
      await h.client.app.storeThumbnail({
        md5: input.md5,
        px: 256,
        type: 'image/webp',
        data: webp.toString('base64'),
      }),
    );
    const second = unwrap(await h.client.app.thumbnail(input));
    expect(second).toEqual({ kind: 'thumbnail', type: 'image/webp', data: webp.toString('base64') });
    // Another size is another thumbnail; the same size is not fetched again.
    expect(h.fake.traffic.cdnBytes(input.md5)).toBe(bytes.length);
    const afterHit = unwrap(await h.client.app.thumbnailTraffic());
    expect(afterHit).toMatchObject({
      todayBytes: bytes.length,
      totalBytes: bytes.length,
      cacheBytes: webp.length,
    });
  });

  it('refuses an image larger than the size bound without fetching it', async () => {
    unwrap(await h.client.settings.update({ thumbnailMaxImageMb: 1 }));
    const big = await addImage('/big.jpg', imageBytes(1024 * KIB + 1, 3));
    const small = await addImage('/small.jpg', imageBytes(1024 * KIB, 4));
    expect(unwrap(await h.client.app.thumbnail(big))).toEqual({ kind: 'none', why: 'too_large' });
    expect(h.fake.traffic.cdnBytes(big.md5)).toBe(0);
    expect(unwrap(await h.client.app.thumbnail(small)).kind).toBe('image');
    expect(unwrap(await h.client.app.thumbnailTraffic()).todayBytes).toBe(1024 * KIB);
  });

  it('stops for the day once the daily budget is used, counting what was fetched', async () => {
    unwrap(await h.client.settings.update({ thumbnailDailyBudgetMb: 1 }));
    const images = [];
    for (let i = 0; i < 3; i++) images.push(await addImage(`/p${i}.png`, imageBytes(400 * KIB, 10 + i)));
    const tiny = await addImage('/tiny.png', imageBytes(KIB, 50));
    expect(unwrap(await h.client.app.thumbnail(images[0]!)).kind).toBe('image');
    expect(unwrap(await h.client.app.thumbnail(images[1]!)).kind).toBe('image');
    // The third would pass the budget: refused, and from now on so is every image today.
    expect(unwrap(await h.client.app.thumbnail(images[2]!))).toEqual({ kind: 'none', why: 'budget_spent' });
    expect(unwrap(await h.client.app.thumbnail(tiny))).toEqual({ kind: 'none', why: 'budget_spent' });
    expect(h.fake.traffic.cdnBytes(images[2]!.md5)).toBe(0);
    expect(h.fake.traffic.cdnBytes(tiny.md5)).toBe(0);
    const traffic = unwrap(await h.client.app.thumbnailTraffic());
    expect(traffic).toMatchObject({
      todayBytes: 800 * KIB,
      totalBytes: 800 * KIB,
      dailyBudgetBytes: 1024 * KIB,
      pausedBecause: 'budget_spent',
    });
    expect(traffic.pausedUntil).toBe(nextServiceDayStart(Date.now()));
  });

  it('after the service says the day’s traffic is used up (5113), fetches nothing more that day', async () => {
    const a = await addImage('/a.png', imageBytes(10 * KIB, 1));
    h.fake.faults.set({ trafficExhausted: true });
    expect(unwrap(await h.client.app.thumbnail(a))).toEqual({ kind: 'none', why: 'traffic_exhausted' });
    // Even once the service would answer again, thumbnails stay off until the next service day.
    h.fake.faults.set({ trafficExhausted: false });
    expect(unwrap(await h.client.app.thumbnail(a))).toEqual({ kind: 'none', why: 'traffic_exhausted' });
    expect(h.fake.traffic.cdnBytes(a.md5)).toBe(0);
    const traffic = unwrap(await h.client.app.thumbnailTraffic());
    expect(traffic).toMatchObject({ todayBytes: 0, pausedBecause: 'traffic_exhausted' });
    expect(traffic.pausedUntil).toBe(nextServiceDayStart(Date.now()));
    // Survives a restart (the ledger is on disk).
    await h.restart();
    expect(unwrap(await h.client.app.thumbnail(a))).toEqual({ kind: 'none', why: 'traffic_exhausted' });
  });

  it('with thumbnails off answers none and fetches nothing, not even from the cache', async () => {
    const a = await addImage('/a.png', imageBytes(10 * KIB, 1));
    unwrap(await h.client.settings.update({ thumbnails: false }));
    expect(unwrap(await h.client.app.thumbnail(a))).toEqual({ kind: 'none', why: 'off' });
    expect(h.fake.traffic.cdnBytes(a.md5)).toBe(0);
  });

  it('refuses to store something that is not the image type it claims', async () => {
    const stored = await h.client.app.storeThumbnail({
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      px: 128,
      type: 'image/webp',
      data: Buffer.from('<svg onload=alert(1)>').toString('base64'),
    });
    expect(stored.ok).toBe(false);
    expect(unwrap(await h.client.app.thumbnailTraffic()).cacheBytes).toBe(0);
  });
});

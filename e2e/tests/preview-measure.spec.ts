import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { md5 } from '../support/blobs';
import { expect, test } from '../support/fixtures';

/**
 * Measurement, not a check: bytes fake-pan's CDN served while the quick preview played the
 * first 10 s of a large video, then while it seeked to the middle and could play on. Runs only
 * with `PANDESK_MEASURE_VIDEO=/path/to/video.mp4` (a large file is not committed; see the
 * fixtures README for how one was made) and prints the figures; it asserts nothing about time.
 */

const VIDEO_PATH = process.env.PANDESK_MEASURE_VIDEO ?? '';
const VIDEO = VIDEO_PATH === '' ? Buffer.alloc(0) : readFileSync(VIDEO_PATH);
const NAME = VIDEO_PATH === '' ? 'none.mp4' : basename(VIDEO_PATH);

test.skip(VIDEO_PATH === '', 'set PANDESK_MEASURE_VIDEO to a large MP4 to measure');
test.setTimeout(600_000);
test.use({ driveSeed: { arrange: async (fake) => void (await fake.state.addFile(`/${NAME}`, VIDEO)) } });

const video = (app: Page) => app.getByTestId('preview-overlay').getByTestId('preview-video');

test('bytes from the CDN to preview 10 s of a large video and to seek to its middle', async ({
  app,
  fakePan,
}) => {
  const served = (): number => fakePan.traffic.cdnBytes(md5(VIDEO));
  const ranges: string[] = [];
  app.on('request', (request) => {
    const range = request.headers()['range'];
    if (request.url().includes('/api/preview/') && range !== undefined) ranges.push(range);
  });
  await app.getByTestId('file-row').filter({ hasText: NAME }).click();
  await app.keyboard.press('Space');
  await expect
    .poll(() => video(app).evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(1);
  const duration = await video(app).evaluate((v: HTMLVideoElement) => v.duration);
  const atOpen = served();
  await video(app).evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video(app).evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 120_000 })
    .toBeGreaterThanOrEqual(10);
  await video(app).evaluate((v: HTMLVideoElement) => v.pause());
  const afterTen = served();
  const requestsAfterTen = ranges.length;
  await video(app).evaluate(
    (v: HTMLVideoElement) =>
      new Promise<void>((resolve) => {
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.currentTime = v.duration / 2;
      }),
  );
  // Playable at the new position (enough data for the current and next frame).
  await expect
    .poll(() => video(app).evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(3);
  const afterSeek = served();
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log(
    [
      `video: ${NAME}, ${mb(VIDEO.length)}, ${duration.toFixed(1)} s (${mb(VIDEO.length / duration)}/s of video)`,
      `opened (metadata): ${mb(atOpen)}`,
      `first 10 s played: ${mb(afterTen)} in ${requestsAfterTen} Range requests`,
      `seek to the middle, playable: +${mb(afterSeek - afterTen)} in ${ranges.length - requestsAfterTen} more`,
      `total: ${mb(afterSeek)} of ${mb(VIDEO.length)} (${((afterSeek / VIDEO.length) * 100).toFixed(1)} %)`,
    ].join('\n'),
  );
  expect(afterSeek).toBeLessThan(VIDEO.length);
});

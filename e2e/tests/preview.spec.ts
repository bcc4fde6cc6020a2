import { readFileSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { md5 } from '../support/blobs';
import { expect, test } from '../support/fixtures';
import { onePagePdf, solidPng } from '../support/media-files';

/** A real 40 s H.264 clip of about 6 MB (see fixtures/README.md). */
const CLIP = readFileSync(new URL('../fixtures/clip.mp4', import.meta.url));
const CLIP_SECONDS = 40;
const RED: readonly [number, number, number] = [200, 30, 40];
const TEXT = 'first line of the notes\nsecond line\n';
const MARKDOWN = '# Preview title\n\nSome **bold** words.\n';
const PDF = onePagePdf('PanDesk preview');
/** Script in every place an SVG can hold it, and a request to a host that is not the app. */
const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30" onload="alert(1)">' +
  "<script>alert(2);fetch('http://127.0.0.2:9/x')</script>" +
  '<rect width="40" height="30" fill="blue"/></svg>';
const HOSTILE_MD = [
  '# Hostile',
  '<script>alert(3)</script>',
  '<img src=x onerror="alert(4)">',
  '![remote](http://127.0.0.2:9/remote.png)',
  '[click me](javascript:alert(5))',
].join('\n\n');

test.use({
  driveSeed: {
    arrange: async (fake) => {
      await fake.state.addFile('/a-red.png', solidPng(64, 48, RED));
      await fake.state.addFile('/b-notes.txt', TEXT);
      await fake.state.addFile('/c-readme.md', MARKDOWN);
      await fake.state.addFile('/d-clip.mp4', CLIP);
      await fake.state.addFile('/e-paper.pdf', PDF);
      await fake.state.addFile('/f-archive.zip', 'PK\u0003\u0004');
      await fake.state.addFile('/g-hostile.svg', HOSTILE_SVG);
      await fake.state.addFile('/h-hostile.md', HOSTILE_MD);
    },
  },
});

const row = (app: Page, name: string) =>
  app.getByTestId('file-row').filter({ has: app.locator('.pd-name', { hasText: name }) });
const overlay = (app: Page) => app.getByTestId('preview-overlay');

/** Selects the file in the list and presses Space, as a Finder user would. */
async function preview(app: Page, name: string): Promise<void> {
  await row(app, name).click();
  await app.keyboard.press('Space');
  await expect(overlay(app).getByTestId('preview-name')).toHaveText(name);
}

test('Space previews an image: the pixels are the colour of the uploaded PNG', async ({ app }) => {
  await preview(app, 'a-red.png');
  const image = overlay(app).getByTestId('preview-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  const pixel = await image.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context?.drawImage(img, 0, 0);
    return [...(context?.getImageData(32, 24, 1, 1).data ?? [])];
  });
  expect(pixel).toEqual([...RED, 255]);
});

test('a text file shows its text and a Markdown file renders', async ({ app }) => {
  await preview(app, 'b-notes.txt');
  await expect(overlay(app).getByTestId('preview-text')).toHaveText(TEXT);
  await app.keyboard.press('ArrowRight');
  const markdown = overlay(app).getByTestId('preview-markdown');
  await expect(markdown.locator('h1')).toHaveText('Preview title');
  await expect(markdown.locator('strong')).toHaveText('bold');
});

test('a video streams with Range requests: seeking to its middle does not fetch the whole file', async ({
  app,
  fakePan,
}) => {
  const ranges: string[] = [];
  app.on('request', (request: Request) => {
    const range = request.headers()['range'];
    if (request.url().includes('/api/preview/') && range !== undefined) ranges.push(range);
  });
  /** The byte ranges the preview route answered with, [first, last] from each Content-Range. */
  const answered: [number, number][] = [];
  app.on('response', (response) => {
    const range = /^bytes (\d+)-(\d+)\//.exec(response.headers()['content-range'] ?? '');
    if (response.url().includes('/api/preview/') && range !== null)
      answered.push([Number(range[1]), Number(range[2])]);
  });
  await preview(app, 'd-clip.mp4');
  const video = overlay(app).getByTestId('preview-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  expect(await video.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(
    Math.round(CLIP_SECONDS),
  );
  const seekTo = await video.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        v.addEventListener('seeked', () => resolve(v.currentTime), { once: true });
        v.currentTime = v.duration / 2;
      }),
  );
  expect(Math.round(seekTo)).toBe(Math.round(CLIP_SECONDS / 2));
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  // The seek asked for bytes from the middle of the file, not from the start.
  const starts = ranges.map((r) => Number(/^bytes=(\d+)-/.exec(r)?.[1] ?? -1));
  const served = fakePan.traffic.cdnBytes(md5(CLIP));
  console.log(`video preview: ranges ${ranges.join(', ')}; ${served} of ${CLIP.length} bytes from the CDN`);
  expect(starts.some((start) => start > CLIP.length / 4)).toBe(true);
  expect(served).toBeGreaterThan(0);
  // Chromium may ask for a stretch twice (the CDN then counts it twice), but part of the file,
  // between the start and the seek point, was never asked for at all.
  expect(answered.some(([first]) => first > CLIP.length / 4)).toBe(true);
  expect(bytesCovered(answered)).toBeLessThan(CLIP.length);
});

/** How many distinct bytes the inclusive ranges cover together. */
function bytesCovered(ranges: readonly [number, number][]): number {
  let covered = 0;
  let reached = -1;
  for (const [first, last] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (last > reached) covered += last - Math.max(first, reached + 1) + 1;
    reached = Math.max(reached, last);
  }
  return covered;
}

test('a PDF loads in a frame from the preview route as application/pdf', async ({ app, fakePan }) => {
  const pdfResponse = app.waitForResponse(
    (response) =>
      response.url().includes('/api/preview/') && response.headers()['content-type'] === 'application/pdf',
  );
  await preview(app, 'e-paper.pdf');
  const frame = overlay(app).getByTestId('preview-pdf');
  await expect(frame).toHaveAttribute('src', /^\/api\/preview\/[\w-]{22}$/);
  const response = await pdfResponse;
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.status()).toBe(200);
  expect(Number(response.headers()['content-length'])).toBe(PDF.length);
  await expect.poll(() => fakePan.traffic.cdnBytes(md5(PDF))).toBe(PDF.length);
  // The frame was allowed (same origin, X-Frame-Options SAMEORIGIN), not replaced by an error page.
  expect(await app.evaluate(() => navigator.pdfViewerEnabled)).toBe(true);
  const src = (await frame.getAttribute('src')) ?? '';
  await expect.poll(() => app.frames().map((f) => new URL(f.url()).pathname)).toContain(src);
  expect(app.frames().some((f) => f.url().startsWith('chrome-error:'))).toBe(false);
});

test('Space, arrows and Escape: the preview follows the listing order; other types offer Open and Download', async ({
  app,
}) => {
  await preview(app, 'a-red.png');
  await app.keyboard.press('ArrowRight');
  await expect(overlay(app).getByTestId('preview-name')).toHaveText('b-notes.txt');
  await app.keyboard.press('ArrowDown');
  await expect(overlay(app).getByTestId('preview-name')).toHaveText('c-readme.md');
  await app.keyboard.press('ArrowLeft');
  await expect(overlay(app).getByTestId('preview-name')).toHaveText('b-notes.txt');
  await app.keyboard.press('Escape');
  await expect(overlay(app)).toBeHidden();
  await expect(row(app, 'b-notes.txt')).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Space');
  await expect(overlay(app).getByTestId('preview-name')).toHaveText('b-notes.txt');
  await app.keyboard.press('Space');
  await expect(overlay(app)).toBeHidden();

  await preview(app, 'f-archive.zip');
  const message = overlay(app).getByTestId('preview-message');
  await expect(message).toContainText('No preview for ZIP files');
  await expect(message.getByTestId('preview-open')).toBeVisible();
  await message.getByTestId('preview-download').click();
  await expect(app.getByTestId('transfer-row').filter({ hasText: 'f-archive.zip' })).toBeVisible();
});

test('a hostile SVG and a Markdown file with script run nothing and fetch nothing from elsewhere', async ({
  app,
  webHost,
}) => {
  const dialogs: string[] = [];
  app.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const elsewhere: string[] = [];
  app.on('request', (request: Request) => {
    if (new URL(request.url()).origin !== new URL(webHost.url).origin) elsewhere.push(request.url());
  });

  await preview(app, 'g-hostile.svg');
  const image = overlay(app).getByTestId('preview-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
  await expect(app.locator('svg rect[fill="blue"]')).toHaveCount(0);

  await app.keyboard.press('ArrowRight');
  await expect(overlay(app).getByTestId('preview-name')).toHaveText('h-hostile.md');
  const markdown = overlay(app).getByTestId('preview-markdown');
  await expect(markdown.locator('h1')).toHaveText('Hostile');
  await expect(markdown.locator('script')).toHaveCount(0);
  await expect(markdown.locator('img[src]')).toHaveCount(0);
  await expect(markdown.locator('img[data-blocked]')).toHaveCount(2);
  await markdown.getByText('click me').click();

  // The page finished everything the previews started: no resource of another origin was ever loaded.
  const loaded = await app.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => new URL(name).origin !== location.origin),
  );
  expect(loaded).toEqual([]);
  expect(elsewhere).toEqual([]);
  expect(dialogs).toEqual([]);
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
});

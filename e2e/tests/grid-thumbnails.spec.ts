import type { Page } from '@playwright/test';
import { DEFAULT_SEED, expect, test } from '../support/fixtures';
import { centreColours, thumbnailsSettled } from '../support/thumbnails';
import { solidBmp } from '../support/images';
import type { Rgb } from '../support/images';

/**
 * The grid view over a folder of 2,000 small images: thumbnails are fetched only for the tiles
 * in view plus a margin, while scrolling top to bottom; none in the list view; none with
 * thumbnails off. CDN requests are counted by fake-pan (`traffic.cdnRequests`).
 */

const COUNT = 2000;
const SIDE = 32;
const nameOf = (i: number): string => `img-${String(i).padStart(4, '0')}.bmp`;
/** A distinct colour per image (so every file has its own MD5). */
const colourOf = (i: number): Rgb => [i % 256, 40 + Math.floor(i / 256) * 20, 180];

test.use({
  driveSeed: {
    arrange: async (fake) => {
      await DEFAULT_SEED.arrange(fake);
      fake.state.addFolder('/Pics');
      for (let i = 1; i <= COUNT; i++)
        await fake.state.addFile(`/Pics/${nameOf(i)}`, solidBmp(SIDE, colourOf(i)));
    },
  },
});

const row = (app: Page, name: string) =>
  app.getByTestId('file-row').filter({ has: app.locator('.pd-name', { hasText: name }) });

async function intoPics(app: Page): Promise<void> {
  await row(app, 'Pics').dblclick();
  const status = app.getByTestId('list-status');
  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: 60_000 });
  await expect(status).toContainText('2,000 items');
}

/** How many tiles may ask for a thumbnail at one scroll position: columns × (rows in view + overscan each way). */
async function perScreenBound(app: Page): Promise<{ bound: number; columns: number; rows: number }> {
  const grid = app.getByTestId('file-grid');
  const columns = Number(await grid.getAttribute('data-columns'));
  const rowHeight = Number(await grid.getAttribute('data-row-height'));
  const overscan = Number(await grid.getAttribute('data-overscan-rows'));
  const height = await app.getByTestId('file-scroller').evaluate((el) => el.clientHeight);
  // A partly shown row at the top and at the bottom: one more than fits.
  const rows = Math.ceil(height / rowHeight) + 1;
  return { bound: columns * (rows + 2 * overscan), columns, rows };
}

async function scrollTo(app: Page, fraction: number): Promise<void> {
  await app.getByTestId('file-scroller').evaluate((el, f) => {
    el.scrollTop = f * (el.scrollHeight - el.clientHeight);
  }, fraction);
}

/** The colour at the middle of a tile's thumbnail, as drawn on the page. */
async function thumbnailColour(app: Page, name: string): Promise<number[]> {
  const img = app.getByTestId('file-tile').filter({ hasText: name }).getByTestId('file-thumbnail');
  await expect(img).toBeVisible();
  return (await centreColours(img))[0]!.rgb;
}

test('grid view: thumbnails only for tiles in view plus a margin while scrolling 2,000 images; none in the list', async ({
  app,
  fakePan,
}) => {
  test.setTimeout(240_000);
  await intoPics(app);
  // The list view fetches no image at all.
  await scrollTo(app, 0.5);
  await scrollTo(app, 1);
  await app.waitForTimeout(500);
  expect(fakePan.traffic.cdnRequests()).toBe(0);

  await scrollTo(app, 0);
  await app.getByTestId('view-toggle').click();
  await expect(app.getByTestId('file-grid')).toHaveAttribute('data-view', 'grid');
  await thumbnailsSettled(app);
  const { bound, columns, rows } = await perScreenBound(app);
  const first = fakePan.traffic.cdnRequests();
  expect(first).toBeGreaterThanOrEqual(columns); // thumbnails were really fetched...
  expect(first).toBeLessThanOrEqual(bound); // ...for what is in view plus the margin only

  // The thumbnail is the image: its colour, decoded and redrawn by the page.
  const colour = await thumbnailColour(app, nameOf(1));
  colourOf(1).forEach((c, i) => expect(Math.abs((colour[i] ?? -1) - c)).toBeLessThanOrEqual(6));

  // Top to bottom, stopping at each quarter: each stop adds at most one screen of requests.
  const stops = [0.25, 0.5, 0.75, 1];
  for (const [n, fraction] of stops.entries()) {
    await scrollTo(app, fraction);
    await thumbnailsSettled(app);
    expect(fakePan.traffic.cdnRequests()).toBeLessThanOrEqual(bound * (n + 2));
  }
  const lastName = nameOf(COUNT);
  const lastColour = await thumbnailColour(app, lastName);
  colourOf(COUNT).forEach((c, i) => expect(Math.abs((lastColour[i] ?? -1) - c)).toBeLessThanOrEqual(6));
  const stepped = { requests: fakePan.traffic.cdnRequests(), bytes: fakePan.traffic.cdnBytesTotal() };

  // A continuous sweep back to the top, one screen per frame: tiles that only flash past are
  // dropped before their request starts; at most the few running at once per step get through.
  const steps = await app.getByTestId('file-scroller').evaluate(async (el) => {
    let count = 0;
    for (let top = el.scrollTop; top > 0; top -= el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight);
      count++;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return count;
  });
  await thumbnailsSettled(app);
  const swept = fakePan.traffic.cdnRequests() - stepped.requests;
  const CONCURRENCY = 3;
  expect(swept).toBeLessThanOrEqual(bound + CONCURRENCY * steps);
  expect(swept).toBeLessThan(COUNT / 4);

  // Back in the list: no new request.
  const before = fakePan.traffic.cdnRequests();
  await app.getByTestId('view-toggle').click();
  await expect(row(app, nameOf(1))).toBeVisible();
  await scrollTo(app, 0.6);
  await app.waitForTimeout(500);
  expect(fakePan.traffic.cdnRequests()).toBe(before);

  console.log(
    `[measure] grid of ${COUNT} images, ${columns} columns × ${rows} rows in view: ` +
      `first screen ${first} CDN requests; top to bottom in quarters ${stepped.requests} requests, ` +
      `${stepped.bytes} bytes; a ${steps}-step sweep back up ${swept} more requests ` +
      `(bound per screen ${bound}); list view 0`,
  );
});

test('with thumbnails off the grid view makes no CDN request', async ({ app, fakePan }) => {
  test.setTimeout(180_000);
  await app.getByTestId('open-settings').click();
  const dialog = app.getByTestId('settings-dialog');
  await dialog.getByTestId('settings-thumbnails').uncheck();
  await dialog.getByTestId('settings-save').click();
  await expect(dialog.getByTestId('settings-message')).toContainText('Settings saved.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  await intoPics(app);
  await app.getByTestId('view-toggle').click();
  await expect(app.getByTestId('file-tile').first()).toBeVisible();
  for (const fraction of [0.3, 0.7, 1]) {
    await scrollTo(app, fraction);
    await expect.poll(() => app.getByTestId('file-tile').count()).toBeGreaterThan(0);
    await app.waitForTimeout(300);
  }
  await expect(app.getByTestId('file-tile').filter({ hasText: nameOf(COUNT) })).toBeVisible();
  expect(await app.getByTestId('file-thumbnail').count()).toBe(0);
  expect(fakePan.traffic.cdnRequests()).toBe(0);
});

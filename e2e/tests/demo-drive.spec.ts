import type { Page } from '@playwright/test';
import { startFakePan } from '@pandesk/fake-pan';
import { expect, test as base } from '../support/fixtures';
import { centreColours, thumbnailsSettled } from '../support/thumbnails';

/**
 * The demo drive (`fake-pan --seed demo`) as a person first sees it: its photos, JPEG and PNG,
 * show as thumbnails in the grid view, each its own picture (seeded random bytes did not decode).
 */
const test = base.extend({
  // The demo seed instead of a driveSeed (it builds on an empty drive only). Playwright reads the
  // first parameter's pattern to find dependencies: it must be a destructuring.
  // eslint-disable-next-line no-empty-pattern
  fakePan: async ({}, use) => {
    const fake = await startFakePan({ port: 0, seed: 'demo', faults: { rateLimits: false } });
    await use(fake);
    await fake.close();
  },
});

/** A list row or grid tile by its name. */
const item = (app: Page, name: string) =>
  app.getByTestId(/^file-(row|tile)$/).filter({ has: app.locator('.pd-name', { hasText: name }) });

async function openFolder(app: Page, names: string[], items: number): Promise<void> {
  for (const name of names) await item(app, name).first().dblclick();
  const status = app.getByTestId('list-status');
  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: 60_000 });
  await expect(status).toContainText(`${items} items`);
}

/** Size and centre colour of every thumbnail the grid shows, once every tile in view has one. */
async function shownThumbnails(app: Page): Promise<{ width: number; centre: string }[]> {
  await thumbnailsSettled(app);
  const shown = await centreColours(app.getByTestId('file-thumbnail'));
  return shown.map(({ width, rgb }) => ({ width, centre: rgb.join(',') }));
}

test('the demo photos (JPEG and PNG) show as thumbnails in the grid, each its own picture', async ({
  app,
}) => {
  await openFolder(app, ['Photos', '2024'], 80);
  await app.getByTestId('view-toggle').click();
  const jpegs = await shownThumbnails(app);
  expect(jpegs.length).toBeGreaterThan(3);
  expect(jpegs.every((t) => t.width > 0)).toBe(true);
  expect(new Set(jpegs.map((t) => t.centre)).size).toBeGreaterThan(1);

  await app.getByTestId('file-tile').first().click();
  await app.keyboard.press('Backspace');
  await openFolder(app, ['2023'], 40);
  const pngs = await shownThumbnails(app);
  expect(pngs.length).toBeGreaterThan(3);
  expect(new Set(pngs.map((t) => t.centre)).size).toBeGreaterThan(1);
});

test('a demo note previews as readable text', async ({ app }) => {
  await openFolder(app, ['Documents'], 61);
  await item(app, 'note-000.txt').click();
  await app.keyboard.press('Space');
  const overlay = app.getByTestId('preview-overlay');
  const text = overlay.getByTestId('preview-text');
  await expect(text).toContainText(/\w+ \w+ \w+/);
  // Words, not bytes decoded as text: no replacement characters, no control characters.
  const shown = (await text.textContent()) ?? '';
  expect([...shown].filter((c) => c === '\uFFFD' || (c < ' ' && c !== '\n' && c !== '\t'))).toEqual([]);
  await app.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
});

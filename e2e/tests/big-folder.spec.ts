import type { Page } from '@playwright/test';
import { DEFAULT_SEED, expect, test } from '../support/fixtures';

const COUNT = 20_000;
const nameOf = (i: number): string => `file-${String(i).padStart(5, '0')}.txt`;
/** Rows in the DOM must stay near one screen (plus overscan), whatever the folder size. */
const MAX_ROWS = 120;

test.use({
  driveSeed: {
    arrange: async (fake) => {
      await DEFAULT_SEED.arrange(fake);
      // One stored blob shared by every entry: the first file stores it, the rest point to it.
      const first = await fake.state.addFile(`/Big/${nameOf(1)}`, 'same bytes for all\n');
      const drive = fake.state.drive;
      for (let i = 2; i <= COUNT; i++)
        drive.createFile({ parentId: first.parentId, name: nameOf(i), md5: first.md5, size: first.size });
      drive.changed();
    },
  },
});

/** Scrolls the list's scroll area to a fraction of its height (1 = the end). */
async function scrollTo(app: Page, fraction: number): Promise<void> {
  await app.getByTestId('file-scroller').evaluate((el, f) => {
    el.scrollTop = f * (el.scrollHeight - el.clientHeight);
  }, fraction);
}

test('a 20,000-entry folder keeps the DOM bounded while scrolling to its last entry', async ({ app }) => {
  test.setTimeout(180_000);
  await app.getByTestId('file-row').filter({ hasText: 'Big' }).dblclick();
  const status = app.getByTestId('list-status');
  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: 120_000 });
  await expect(status).toContainText('20,000 items');
  const rows = app.getByTestId('file-row');
  await expect(rows.filter({ hasText: nameOf(1) })).toBeVisible();

  for (const fraction of [0.25, 0.5, 0.75, 1]) {
    await scrollTo(app, fraction);
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    expect(await rows.count()).toBeLessThanOrEqual(MAX_ROWS);
  }
  const last = rows.filter({ hasText: nameOf(COUNT) });
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('aria-rowindex', String(COUNT + 1));
  expect(await rows.count()).toBeLessThanOrEqual(MAX_ROWS);
  await expect(rows.filter({ hasText: nameOf(1) })).toHaveCount(0);
});

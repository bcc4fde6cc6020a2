import type { Locator, Page } from '@playwright/test';
import { callBridge } from '../support/bridge-call';
import { DEFAULT_SEED, expect, test } from '../support/fixtures';
import { shot } from '../support/shots';

/**
 * Issue #12 items 7, 8, 10 and 11 (browsing), in Chromium against the browser host: drag targets,
 * search, a chosen root folder, the tree, column alignment, the Move dialog, focus after a menu
 * action, pasting where the items are, toasts clear of the transfers panel, local places and the
 * recycle bin's highlight.
 */

test.use({
  viewport: { width: 1280, height: 800 },
  driveSeed: {
    arrange: async (fake) => {
      await DEFAULT_SEED.arrange(fake);
      fake.state.addFolder('/Documents/Sub');
      await fake.state.addFile('/Documents/Sub/deep notes.md', 'deep\n');
      fake.state.addFolder('/Outside');
      await fake.state.addFile('/Outside/notes outside.txt', 'outside\n');
    },
  },
});

const row = (app: Page, name: string): Locator => app.getByTestId('file-row').filter({ hasText: name });
const treeItem = (app: Page, name: string): Locator =>
  app.getByRole('tree').getByRole('treeitem').filter({ hasText: name });

test('7: a folder dragged over its own subfolder is not offered as a target', async ({ app }) => {
  await treeItem(app, 'Documents').locator('.pd-twisty').click();
  await expect(treeItem(app, 'Sub')).toBeVisible();
  await row(app, 'Documents').hover();
  await app.mouse.down();
  await treeItem(app, 'Sub').hover();
  await treeItem(app, 'Sub').hover({ position: { x: 12, y: 8 } });
  await expect(treeItem(app, 'Sub')).not.toHaveClass(/is-drop-target/);
  await shot(app, '7-own-subfolder-not-a-target');
  await treeItem(app, 'Photos').hover();
  await treeItem(app, 'Photos').hover({ position: { x: 12, y: 8 } });
  await expect(treeItem(app, 'Photos')).toHaveClass(/is-drop-target/);
  await app.keyboard.press('Escape');
  await app.mouse.up();
});

test('8: search results say where they are, open their folder, follow the root folder and close', async ({
  app,
  fakePan,
}) => {
  const box = app.getByTestId('search-input');
  await box.fill('notes');
  await box.press('Enter');
  await expect(row(app, 'deep notes.md')).toBeVisible();
  await expect(row(app, 'deep notes.md').getByTestId('file-location')).toHaveText(
    'My drive › Documents › Sub',
  );
  await expect(row(app, 'notes outside.txt')).toBeVisible();
  await shot(app, '8-search-location');
  await row(app, 'deep notes.md').dblclick();
  await expect(app.getByRole('navigation', { name: 'Location' })).toHaveText(/Documents.*Sub/);
  await expect(row(app, 'deep notes.md')).toHaveAttribute('aria-selected', 'true');
  // Escape in the box leaves the results.
  await box.fill('notes');
  await box.press('Enter');
  await expect(row(app, 'notes outside.txt')).toBeVisible();
  await box.press('Escape');
  await expect(app.getByRole('navigation', { name: 'Location' })).not.toHaveText(/Search results/);
  await expect(row(app, 'notes outside.txt')).toHaveCount(0);
  // With Documents as the root folder, nothing outside it is found.
  const documents = fakePan.state.find('/Documents');
  await callBridge(app, 'settings:setConnection', { rootFolderId: documents?.id });
  await expect(app.getByRole('tree').getByRole('treeitem').first()).toHaveText(/Documents/);
  await box.fill('notes');
  await box.press('Enter');
  await expect(row(app, 'deep notes.md')).toBeVisible();
  await expect(row(app, 'notes.txt')).toBeVisible();
  await expect(row(app, 'notes outside.txt')).toHaveCount(0);
  await expect(row(app, 'deep notes.md').getByTestId('file-location')).toHaveText('Documents › Sub');
  await shot(app, '8-search-inside-root');
  // Clearing the box leaves the results too.
  await box.fill('');
  await expect(app.getByRole('navigation', { name: 'Location' })).not.toHaveText(/Search results/);
});

test('10: a chosen root folder is named in the tree and the breadcrumbs', async ({ app, fakePan }) => {
  await app.getByTestId('open-settings').click();
  const dialog = app.getByTestId('settings-dialog');
  await dialog.getByTestId('settings-rootFolderId').fill(String(fakePan.state.find('/Documents')?.id));
  await dialog.getByTestId('settings-save').click();
  await expect(dialog.getByTestId('settings-message')).toHaveText('Settings saved.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('tree').getByRole('treeitem').first()).toHaveText(/Documents/);
  await expect(app.getByRole('navigation', { name: 'Location' })).toHaveText('Documents');
  await expect(app.getByRole('tree')).not.toContainText('My drive');
  await shot(app, '10-root-folder-named');
});

test('11: the tree shows leaves without arrows and has a context menu; the headers sit over their cells', async ({
  app,
}) => {
  await expect(treeItem(app, 'Photos').locator('.pd-twisty')).toHaveText('');
  await expect(treeItem(app, 'Documents').locator('.pd-twisty')).toHaveText('▸');
  await treeItem(app, 'Documents').click({ button: 'right' });
  const menu = app.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Open', 'New folder', 'Refresh', 'Move', 'Delete']);
  await shot(app, '11-tree-context-menu');
  await app.keyboard.press('Escape');
  // Column headers: each label starts (size: ends) where its cells' text does.
  const edges = await app.evaluate(() => {
    const cell = (sel: string) => document.querySelector(sel)?.getBoundingClientRect();
    const out: Record<string, number> = {};
    for (const col of ['name', 'type', 'modified', 'size']) {
      const head = document.querySelector(`.pd-header .pd-cell-${col} button`);
      const body = document.querySelector(`[data-testid="file-row"] .pd-cell-${col}`);
      if (!head || !body) continue;
      const range = document.createRange();
      range.selectNodeContents(head);
      const h = range.getBoundingClientRect();
      const c = cell(`[data-testid="file-row"]:last-child .pd-cell-${col}`) ?? body.getBoundingClientRect();
      out[col] = col === 'size' ? Math.abs(h.right - c.right + 8) : Math.abs(h.left - c.left - 8);
    }
    return out;
  });
  for (const [col, off] of Object.entries(edges)) expect(off, `${col} header offset`).toBeLessThanOrEqual(1);
  await shot(app, '11-headers-aligned');
});

test('11: the Move dialog counts in words and shows arrows; focus returns to the list after a menu action', async ({
  app,
}) => {
  await row(app, 'hello.txt').click({ button: 'right' });
  await app.getByRole('menu').getByRole('menuitem', { name: 'Move' }).click();
  const dialog = app.getByTestId('move-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Move 1 item to…');
  await expect(
    dialog.getByTestId('move-target').filter({ hasText: 'Documents' }).locator('.pd-twisty'),
  ).toHaveText('▸');
  await shot(app, '11-move-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByTestId('file-grid')).toBeFocused();
  await row(app, 'hello.txt').click({ button: 'right' });
  await app.getByRole('menu').getByRole('menuitem', { name: 'Download' }).click();
  await expect(app.getByTestId('file-grid')).toBeFocused();
});

test('11: pasting where the items are moves nothing and says so; toasts stay clear of the transfers panel', async ({
  app,
}) => {
  await row(app, 'hello.txt').click();
  await app.keyboard.press('Control+x');
  await app.keyboard.press('Control+v');
  const toast = app.getByTestId('toast').filter({ hasText: 'already in this folder' });
  await expect(toast).toHaveText(/“hello\.txt” is already in this folder; nothing was moved\./);
  const panel = await app.getByTestId('transfers-panel').boundingBox();
  for (const box of await app
    .getByTestId('toast')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom)))
    expect(box).toBeLessThanOrEqual(panel?.y ?? 0);
  await shot(app, '11-paste-same-folder');
});

test('11: a local place answers a click, and the open recycle bin is highlighted', async ({ app }) => {
  await app.getByTestId('place-open').first().click();
  await expect(app.getByTestId('toast').filter({ hasText: 'on the computer running PanDesk' })).toBeVisible();
  await shot(app, '11-place-clicked');
  const trash = app.getByRole('button', { name: 'Recycle bin' });
  const before = await trash.evaluate((el) => getComputedStyle(el).backgroundColor);
  await trash.click();
  await expect(trash).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => trash.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
  await shot(app, '11-recycle-bin-highlighted');
});

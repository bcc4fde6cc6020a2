import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { shot } from '../support/shots';

/** Issue #12 items 1, 2 and 6, in Chromium: rename problems, refresh freshness, the new-folder dialog. */

test.use({ viewport: { width: 1280, height: 800 } });

const row = (app: Page, name: string) => app.getByTestId('file-row').filter({ hasText: name });

/** True when the element is drawn where it is (not clipped away or covered). */
async function drawnOnTop(app: Page, testId: string): Promise<boolean> {
  return app.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.width > 0 && r.height > 0 && hit !== null && el.contains(hit);
  }, testId);
}

test('1: a refused rename is readable, keeps the keyboard, Escape closes it and list shortcuts work again', async ({
  app,
}) => {
  await row(app, 'hello.txt').click();
  await app.keyboard.press('F2');
  const input = app.getByTestId('rename-input');
  await input.fill('Documents');
  await input.press('Enter');
  const error = app.getByTestId('rename-error');
  await expect(error).toHaveText(
    'An item with that name already exists in this folder. Choose another name.',
  );
  expect(await drawnOnTop(app, 'rename-error')).toBe(true);
  await expect(input).toBeFocused();
  await shot(app, '1-rename-refused');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(app.getByTestId('file-grid')).toBeFocused();
  await app.keyboard.press('Control+a');
  await expect(app.locator('[data-testid="file-row"][aria-selected="true"]')).toHaveCount(4);
  expect(await app.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  // An invalid name is said at once, on Enter as while typing.
  await app.keyboard.press('F2'); // several selected: nothing to rename
  await row(app, 'hello.txt').click();
  await app.keyboard.press('F2');
  await app.getByTestId('rename-input').fill('a:b');
  await app.getByTestId('rename-input').press('Enter');
  await expect(app.getByTestId('rename-error')).toContainText('A name cannot contain :');
  expect(await drawnOnTop(app, 'rename-error')).toBe(true);
});

test('2: refreshing during an outage shows progress, then says it failed over the kept rows, with retry', async ({
  app,
  fakePan,
}) => {
  // A slow service: the refresh shows it is under way.
  fakePan.faults.set({ responseDelayMs: 3000 });
  await app.getByTestId('refresh').click();
  await expect(app.getByTestId('list-refreshing')).toBeVisible();
  await expect(app.getByTestId('refresh')).toHaveAttribute('aria-busy', 'true');
  await shot(app, '2-refreshing');
  await expect(app.getByTestId('list-refreshing')).toHaveCount(0, { timeout: 30_000 });
  // An outage: the refresh says it failed, over the rows it keeps.
  fakePan.faults.set({ responseDelayMs: 0, rawHttpErrorNext: 1000, rawHttpErrorStatus: 502 });
  await app.getByTestId('refresh').click();
  await expect(app.getByTestId('list-refresh-failed')).toContainText(
    'Could not refresh: 123 Cloud Drive answered with a server error',
    { timeout: 30_000 },
  );
  await expect(app.getByTestId('file-grid')).toHaveAttribute('data-stale', 'true');
  await expect(row(app, 'hello.txt')).toBeVisible();
  await shot(app, '2-refresh-failed');
  fakePan.faults.reset();
  await app.getByTestId('list-refresh-failed').getByRole('button', { name: 'Retry' }).click();
  await expect(app.getByTestId('list-refresh-failed')).toHaveCount(0);
  await expect(app.getByTestId('file-grid')).not.toHaveAttribute('data-stale', 'true');
});

/** Starts watching for an element to appear; the answer says whether it ever did. */
async function watchFor(app: Page, testId: string): Promise<() => Promise<boolean>> {
  await app.evaluate((id) => {
    const w = window as unknown as Record<string, boolean>;
    w[`saw-${id}`] = false;
    new MutationObserver(() => {
      if (document.querySelector(`[data-testid="${id}"]`)) w[`saw-${id}`] = true;
    }).observe(document.body, { subtree: true, childList: true });
  }, testId);
  return () =>
    app.evaluate((id) => (window as unknown as Record<string, boolean>)[`saw-${id}`] === true, testId);
}

test('2: a 429 storm on refresh shows progress until the service lets the listing through', async ({
  app,
  fakePan,
}) => {
  // Other calls of the window (the tree looking into folders) may take some of the 429s.
  const saw = await watchFor(app, 'list-refreshing');
  fakePan.faults.set({ force429Next: 8 });
  await app.getByTestId('refresh').click();
  await expect.poll(saw).toBe(true);
  await expect(app.getByTestId('list-refreshing')).toHaveCount(0, { timeout: 60_000 });
  await expect(app.getByTestId('list-refresh-failed')).toHaveCount(0);
  await expect(row(app, 'hello.txt')).toBeVisible();
});

test('2: a 401 storm signs out visibly and leaves no rows of the drive on screen', async ({
  app,
  fakePan,
}) => {
  fakePan.faults.set({ force401Next: 50 });
  await app.getByTestId('refresh').click();
  await expect(app.getByTestId('auth-banner')).toContainText('no longer accepts the saved sign-in', {
    timeout: 30_000,
  });
  await expect(app.getByTestId('file-row')).toHaveCount(0);
  await expect(app.getByTestId('list-signed-out')).toHaveText('Sign in to see your files.');
  await shot(app, '2-401-signed-out');
});

test('2: after saving a wrong secret the previous listing does not stay under "Not signed in"', async ({
  app,
}) => {
  await expect(row(app, 'hello.txt')).toBeVisible();
  await app.getByTestId('open-settings').click();
  const dialog = app.getByTestId('settings-dialog');
  await dialog.getByTestId('settings-clientSecret').fill('wrong-secret-123');
  await dialog.getByTestId('settings-save').click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByTestId('auth-banner')).toContainText('did not accept the credentials', {
    timeout: 30_000,
  });
  await expect(app.getByTestId('status-account')).toHaveText('Not signed in');
  await expect(app.getByTestId('file-row')).toHaveCount(0);
  await expect(app.getByRole('tree').getByRole('treeitem')).toHaveCount(0);
  await shot(app, '2-wrong-secret');
});

test('6: the new-folder dialog stays usable after a server failure and says a clash once', async ({
  app,
  fakePan,
}) => {
  await app.getByTestId('new-folder').click();
  const dialog = app.getByTestId('new-folder-dialog');
  await dialog.getByTestId('new-folder-name').fill('Photos');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByTestId('new-folder-error')).toHaveText(
    'An item with that name already exists in this folder. Choose another name.',
  );
  await dialog.getByTestId('new-folder-name').fill('Archive');
  fakePan.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: 503 });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByTestId('new-folder-error')).toContainText('server error');
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeEnabled();
  await shot(app, '6-new-folder-after-failure');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row(app, 'Archive')).toBeVisible();
});

import type { Locator, Page } from '@playwright/test';
import type { FakePan, FileNode } from '@pandesk/fake-pan';
import { expect, test } from '../support/fixtures';

/**
 * Drags `source` onto `target` with the mouse (Chromium runs real HTML5 drag and drop for
 * Playwright), checking the target is highlighted as a drop target before letting go.
 */
async function dragOnto(app: Page, source: Locator, target: Locator): Promise<void> {
  await source.hover();
  await app.mouse.down();
  await target.hover();
  // A second move: the first dragover can land before React's state shows the highlight.
  await target.hover({ position: { x: 12, y: 8 } });
  await expect(target).toHaveClass(/is-drop-target/);
  await app.mouse.up();
}

/** The root child named `name`, trashed or not (the state's `find` sees live nodes only). */
const rootChild = (fake: FakePan, name: string): FileNode | undefined =>
  fake.state.list('/').find((n) => n.name === name);

const row = (app: Page, name: string): Locator => app.getByTestId('file-row').filter({ hasText: name });

test('renames in place, creates a folder and moves items by dragging onto a folder row and a tree node', async ({
  app,
  fakePan,
}) => {
  // Rename in place: F2 opens the field on the selected row, Enter commits.
  await row(app, 'hello.txt').click();
  await app.getByTestId('rename').click();
  const input = app.getByTestId('rename-input');
  await input.fill('greeting.txt');
  await input.press('Enter');
  await expect(row(app, 'greeting.txt')).toBeVisible();
  await expect(row(app, 'hello.txt')).toHaveCount(0);
  expect(fakePan.state.find('/greeting.txt')).toBeDefined();
  expect(fakePan.state.find('/hello.txt')).toBeUndefined();

  // New folder.
  await app.getByTestId('new-folder').click();
  const dialog = app.getByTestId('new-folder-dialog');
  await dialog.getByTestId('new-folder-name').fill('Archive');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(app, 'Archive')).toBeVisible();
  expect(fakePan.state.find('/Archive')?.type).toBe(1);

  // Move a file by dragging it onto a folder row.
  await dragOnto(app, row(app, 'greeting.txt'), row(app, 'Archive'));
  await expect(row(app, 'greeting.txt')).toHaveCount(0);
  await expect
    .poll(() => fakePan.state.find('/Archive/greeting.txt')?.size)
    .toBe('hello from fake-pan\n'.length);

  // Move a folder by dragging it onto a node of the folder tree.
  const photosNode = app.getByRole('tree').getByRole('treeitem').filter({ hasText: 'Photos' });
  await dragOnto(app, row(app, 'Archive'), photosNode);
  await expect(row(app, 'Archive')).toHaveCount(0);
  await expect
    .poll(() => fakePan.state.find('/Photos/Archive/greeting.txt')?.size)
    .toBe('hello from fake-pan\n'.length);
  expect(fakePan.state.find('/Archive')).toBeUndefined();

  await row(app, 'Photos').dblclick();
  await expect(row(app, 'Archive')).toBeVisible();
});

test('trashes with confirmation, restores from the recycle bin and deletes for good', async ({
  app,
  fakePan,
}) => {
  const confirm = app.getByTestId('confirm-dialog');
  const trashFolder = async (name: string): Promise<void> => {
    await row(app, name).click();
    await app.getByTestId('delete').click();
    await expect(confirm).toContainText(name);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(row(app, name)).toHaveCount(0);
  };

  // Cancelling the confirmation changes nothing.
  await row(app, 'Videos').click();
  await app.getByTestId('delete').click();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(row(app, 'Videos')).toBeVisible();
  expect(rootChild(fakePan, 'Videos')?.trashed).toBe(false);

  await trashFolder('Videos');
  await trashFolder('Documents');
  expect(rootChild(fakePan, 'Videos')?.trashed).toBe(true);
  expect(rootChild(fakePan, 'Documents')?.trashed).toBe(true);

  // Restore from the recycle bin.
  await app.getByRole('button', { name: 'Recycle bin' }).click();
  await expect(row(app, 'Videos')).toBeVisible();
  await expect(row(app, 'Documents')).toBeVisible();
  await row(app, 'Videos').click();
  await app.getByTestId('restore').click();
  await expect(row(app, 'Videos')).toHaveCount(0);
  await expect.poll(() => rootChild(fakePan, 'Videos')?.trashed).toBe(false);

  // Delete for good, confirmed.
  await row(app, 'Documents').click();
  await app.getByTestId('delete-forever').click();
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(row(app, 'Documents')).toHaveCount(0);
  await expect.poll(() => rootChild(fakePan, 'Documents')).toBeUndefined();

  // Back in the drive: the restored folder is there, the deleted one is not.
  await app.getByRole('tree').getByRole('treeitem').first().click();
  await expect(row(app, 'Videos')).toBeVisible();
  await expect(row(app, 'Documents')).toHaveCount(0);
});

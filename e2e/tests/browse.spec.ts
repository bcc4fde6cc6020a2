import { expect, test } from '../support/fixtures';

test('opens on the connected drive and shows its root folders in the tree and the list', async ({
  app,
  pageProblems,
}) => {
  const tree = app.getByRole('tree');
  const rows = app.getByTestId('file-row');
  for (const name of ['Documents', 'Photos', 'Videos']) {
    await expect(tree.getByRole('treeitem').filter({ hasText: name })).toBeVisible();
    await expect(rows.filter({ hasText: name })).toBeVisible();
  }
  await expect(rows.filter({ hasText: 'hello.txt' })).toBeVisible();
  await expect(rows).toHaveCount(4);
  // The strict CSP holds: nothing the UI needs was blocked, and nothing threw.
  expect(pageProblems).toEqual([]);
});

test('opens a folder from the list and shows its files', async ({ app }) => {
  await app.getByTestId('file-row').filter({ hasText: 'Documents' }).dblclick();
  await expect(app.getByTestId('file-row').filter({ hasText: 'notes.txt' })).toBeVisible();
  await expect(app.getByTestId('file-row')).toHaveCount(1);
});

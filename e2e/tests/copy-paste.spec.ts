import type { Page } from '@playwright/test';
import type { FakePan } from '@pandesk/fake-pan';
import { seededBytes } from '../support/blobs';
import { expect, test } from '../support/fixtures';
import { row } from '../support/cloud-kit';

test.use({
  driveSeed: {
    arrange: async (fake) => {
      await fake.state.addFile('/Source/a.txt', 'alpha\n');
      await fake.state.addFile('/Source/b.bin', seededBytes(5, 700_000));
      await fake.state.addFile('/Source/c.md', '# charlie\n');
      await fake.state.addFile('/Source/Album/1.jpg', seededBytes(6, 90_000));
      await fake.state.addFile('/Source/Album/sub/2.jpg', seededBytes(7, 50_000));
      await fake.state.addFile('/Source/left-out.txt', 'stays\n');
      fake.state.addFolder('/Target');
    },
  },
});

/** Every live node under `path` as "relative path md5" lines, sorted ('' md5 for folders). */
function tree(fake: FakePan, path: string, prefix = ''): string[] {
  return fake.state
    .list(path)
    .filter((n) => !n.trashed)
    .flatMap((n) => [
      `${prefix}${n.name} ${n.md5}`,
      ...(n.type === 1 ? tree(fake, `${path}/${n.name}`, `${prefix}${n.name}/`) : []),
    ])
    .sort();
}

async function selectAndCopy(app: Page, names: string[]): Promise<void> {
  await row(app, names[0]!).click();
  for (const name of names.slice(1)) await row(app, name).click({ modifiers: ['Control'] });
  await app.getByTestId('file-grid').press('Control+c');
  await expect(app.getByTestId('toast').filter({ hasText: `${names.length} items copied` })).toBeVisible();
}

test('copies three files and a folder with Ctrl+C / Ctrl+V into another folder', async ({ app, fakePan }) => {
  await row(app, 'Source').dblclick();
  await expect(row(app, 'left-out.txt')).toBeVisible();
  await selectAndCopy(app, ['a.txt', 'b.bin', 'c.md', 'Album']);
  await app.getByRole('button', { name: 'Up', exact: true }).click();
  await row(app, 'Target').dblclick();
  await expect(app.getByTestId('list-empty')).toBeVisible();
  await app.getByTestId('file-grid').press('Control+v');

  const task = app
    .getByTestId('transfers-panel')
    .getByTestId('cloud-task-row')
    .filter({ hasText: 'Album (+3)' });
  await expect(task).toHaveAttribute('data-state', 'completed');
  await expect(task.getByTestId('cloud-task-state')).toHaveText('Done (4 copied, 0 skipped, 0 failed)');
  const names = ['Album', 'a.txt', 'b.bin', 'c.md'];
  for (const name of names) await expect(row(app, name)).toBeVisible();
  await expect(app.getByTestId('file-row')).toHaveCount(4);
  const expected = tree(fakePan, '/Source').filter((line) => !line.startsWith('left-out.txt'));
  expect(tree(fakePan, '/Target')).toEqual(expected);
  // The sources stay where they were.
  expect(tree(fakePan, '/Source')).toContain(
    'left-out.txt ' + fakePan.state.find('/Source/left-out.txt')!.md5,
  );
  expect(fakePan.state.find('/Source/a.txt')).toBeDefined();
});

test('a copy onto names already taken asks the conflict policy once', async ({ app, fakePan }) => {
  const oldA = await fakePan.state.addFile('/Target/a.txt', 'an older alpha\n');
  const oldC = await fakePan.state.addFile('/Target/c.md', '# older\n');
  await row(app, 'Source').dblclick();
  await selectAndCopy(app, ['a.txt', 'b.bin', 'c.md']);
  await app.getByRole('button', { name: 'Up', exact: true }).click();
  await row(app, 'Target').dblclick();
  await expect(row(app, 'c.md')).toBeVisible();

  // Count every conflict dialog that appears from now on.
  await app.evaluate(() => {
    const w = window as unknown as { conflictDialogs: number };
    w.conflictDialogs = 0;
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes)
          if (
            node instanceof HTMLElement &&
            node.matches('.pd-backdrop') &&
            node.querySelector('[data-testid="conflict-dialog"]')
          )
            w.conflictDialogs++;
    }).observe(document.body, { childList: true, subtree: true });
  });
  const dialog = app.getByTestId('conflict-dialog');
  await app.getByTestId('file-grid').press('Control+v');
  await expect(dialog).toContainText('2 names already exist in the target folder');
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  await expect(dialog).toBeHidden();

  const task = app.getByTestId('transfers-panel').getByTestId('cloud-task-row').first();
  await expect(task).toHaveAttribute('data-state', 'completed');
  await expect(dialog).toHaveCount(0);
  expect(await app.evaluate(() => (window as unknown as { conflictDialogs: number }).conflictDialogs)).toBe(
    1,
  );
  for (const name of ['a.txt', 'a(1).txt', 'b.bin', 'c.md', 'c(1).md'])
    await expect(row(app, name)).toBeVisible();
  const src = (name: string) => fakePan.state.find(`/Source/${name}`)!.md5;
  expect(fakePan.state.find('/Target/a.txt')?.id).toBe(oldA.id);
  expect(fakePan.state.find('/Target/c.md')?.id).toBe(oldC.id);
  expect(fakePan.state.find('/Target/a(1).txt')?.md5).toBe(src('a.txt'));
  expect(fakePan.state.find('/Target/c(1).md')?.md5).toBe(src('c.md'));
  expect(fakePan.state.find('/Target/b.bin')?.md5).toBe(src('b.bin'));
});

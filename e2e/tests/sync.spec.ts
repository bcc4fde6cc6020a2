import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Page } from '@playwright/test';
import type { FakePan } from '@pandesk/fake-pan';
import { expect, test } from '../support/fixtures';

/**
 * Sync pairs through the browser host, from the Sync view to the drive: a backup pair's files
 * appear in the cloud with their MD5 (after the first plan is confirmed, and again when the
 * watcher sees a new file); a two-way pair with a file changed on both sides keeps the losing
 * version as a conflict copy on both sides and lists the conflict.
 */

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
const CONFLICT_COPY = /^report \(conflict, .+, \d{4}-\d\d-\d\d \d\d-\d\d-\d\d\)\.txt$/;

/** Opens the Sync view and adds a pair through the dialog; answers the pair's card. */
async function addPair(
  app: Page,
  pair: { local: string; cloudFolder: string; mode: 'backup' | 'two_way'; schedule: string },
) {
  await app.getByTestId('open-sync').click();
  await expect(app.getByTestId('sync-view')).toBeVisible();
  await app.getByTestId('sync-add').click();
  const dialog = app.getByTestId('sync-add-dialog');
  await dialog.getByTestId('sync-local-path').fill(pair.local);
  await dialog.getByTestId('sync-cloud-picker').getByRole('option', { name: pair.cloudFolder }).click();
  await dialog.getByTestId(`sync-mode-${pair.mode}`).check();
  await dialog.getByTestId('sync-schedule').selectOption(pair.schedule);
  await dialog.getByTestId('sync-add-submit').click();
  await expect(dialog).toBeHidden();
  return app.getByTestId('sync-pair').filter({ hasText: pair.local });
}

/** The first run shows its plan and waits: confirm it through the plan dialog. */
async function confirmFirstPlan(app: Page, card: ReturnType<Page['getByTestId']>, uploads: number) {
  await expect(card).toHaveAttribute('data-state', 'awaiting_confirmation', { timeout: 60_000 });
  await card.getByTestId('sync-show-plan').click();
  const plan = app.getByTestId('sync-plan-dialog');
  await expect(plan.getByTestId('sync-plan-steps').locator('li[data-kind="upload"]')).toHaveCount(uploads);
  await plan.getByTestId('sync-plan-confirm').click();
  await expect(plan).toBeHidden();
}

/** Replaces a cloud file's content in place, as another client's overwrite does. */
async function editInCloud(fakePan: FakePan, path: string, text: string): Promise<void> {
  const node = fakePan.state.find(path);
  if (!node) throw new Error(`no cloud file ${path}`);
  const blob = await fakePan.context.content.putStream(Readable.from([Buffer.from(text)]));
  fakePan.state.drive.updateContent(node.id, blob.md5, blob.size);
}

test('a backup pair uploads the local folder once the first plan is confirmed, and new files as they come', async ({
  app,
  fakePan,
  workDir,
}) => {
  const local = join(workDir, 'Camera');
  await mkdir(join(local, 'trip'), { recursive: true });
  await writeFile(join(local, 'one.jpg'), 'first picture');
  await writeFile(join(local, 'trip', 'two.jpg'), 'second picture');

  const card = await addPair(app, { local, cloudFolder: 'Photos', mode: 'backup', schedule: 'continuous' });
  await expect(card.getByTestId('sync-remote')).toHaveText('/Photos');
  await confirmFirstPlan(app, card, 2);

  await expect(card.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 60_000 });
  await expect(card.getByTestId('sync-counts')).toContainText('2 up');
  expect(fakePan.state.find('/Photos/one.jpg')?.md5).toBe(md5('first picture'));
  expect(fakePan.state.find('/Photos/trip/two.jpg')?.md5).toBe(md5('second picture'));

  // The watcher sees a new file and the pair uploads it without being asked.
  await writeFile(join(local, 'trip', 'three.jpg'), 'third picture');
  await expect
    .poll(() => fakePan.state.find('/Photos/trip/three.jpg')?.md5, { timeout: 60_000 })
    .toBe(md5('third picture'));

  // The cloud listing shows them.
  await app.getByRole('treeitem', { name: 'Photos' }).click();
  await app.getByTestId('file-row').filter({ hasText: 'trip' }).dblclick();
  await expect(app.getByTestId('file-row').filter({ hasText: 'three.jpg' })).toBeVisible();
  await expect(app.getByTestId('file-row').filter({ hasText: 'two.jpg' })).toBeVisible();
});

test.describe('two-way', () => {
  test.use({
    driveSeed: {
      arrange: async (fake) => {
        fake.state.addFolder('/Shared');
        await Promise.resolve();
      },
    },
  });

  test('a two-way pair keeps both versions of a file changed on both sides, on both sides, and lists the conflict', async ({
    app,
    fakePan,
    workDir,
  }) => {
    const local = join(workDir, 'Notes');
    await mkdir(local);
    await writeFile(join(local, 'report.txt'), 'draft');

    const card = await addPair(app, { local, cloudFolder: 'Shared', mode: 'two_way', schedule: 'interval' });
    await confirmFirstPlan(app, card, 1);
    await expect
      .poll(() => fakePan.state.find('/Shared/report.txt')?.md5, { timeout: 60_000 })
      .toBe(md5('draft'));
    await expect(card).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });

    await writeFile(join(local, 'report.txt'), 'local edit');
    await editInCloud(fakePan, '/Shared/report.txt', 'cloud edit');
    await card.getByTestId('sync-run-now').click();

    await expect(card).toContainText('1 conflict to look at', { timeout: 60_000 });
    // The run goes on after the conflict is found: the other version comes in under the name.
    await expect(card).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    await expect(card.getByTestId('sync-counts')).toContainText('1 conflicts');
    const localNames = await readdir(local);
    const copy = localNames.find((name) => CONFLICT_COPY.test(name));
    expect(copy, localNames.join(', ')).toBeDefined();
    const copyName = copy as string;
    const kept = {
      original: await readFile(join(local, 'report.txt'), 'utf8'),
      copy: await readFile(join(local, copyName), 'utf8'),
    };
    // Neither version is lost: one under the name, the other as the conflict copy, on both sides.
    expect([kept.original, kept.copy].sort()).toEqual(['cloud edit', 'local edit']);
    expect(fakePan.state.find('/Shared/report.txt')?.md5).toBe(md5(kept.original));
    expect(fakePan.state.find(`/Shared/${copyName}`)?.md5).toBe(md5(kept.copy));

    await card.getByTestId('sync-conflicts').click();
    const dialog = app.getByTestId('sync-conflicts-dialog');
    const conflict = dialog.getByTestId('sync-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('report.txt');
    await expect(conflict).toContainText(copyName);
    await conflict.getByRole('button', { name: 'Keep both' }).click();
    await expect(conflict).toHaveCount(0);
    const visible = (await readdir(local)).filter((name) => !name.startsWith('.pandesk-'));
    expect(visible.sort()).toEqual([copyName, 'report.txt'].sort());
    expect(fakePan.state.find(`/Shared/${copyName}`)?.md5).toBe(md5(kept.copy));
  });
});

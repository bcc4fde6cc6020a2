import { createHash } from 'node:crypto';
import { seededBytes } from '../support/blobs';
import { expect, test } from '../support/fixtures';
import { row, screenshot, startUrlServer } from '../support/cloud-kit';
import type { UrlServer } from '../support/cloud-kit';

const BODY = seededBytes(77, 2 * 1024 * 1024);
let web: UrlServer | undefined;

test.use({
  viewport: { width: 1280, height: 800 },
  driveSeed: {
    arrange: async (fake) => {
      fake.state.addFolder('/Downloads from the web');
      fake.state.addFolder('/Documents');
    },
  },
});

test.afterEach(async () => {
  await web?.close();
  web = undefined;
});

test('downloads a URL served by the test into a cloud folder, showing its progress in the transfers panel', async ({
  app,
  fakePan,
}) => {
  web = await startUrlServer();
  // Half the body goes out, the rest when the test says: the task is seen in progress.
  const gate = web.serve('/datasets/survey%202026.csv', BODY, { holdAfter: BODY.length / 2 });
  await row(app, 'Downloads from the web').dblclick();
  await expect(app.getByTestId('list-empty')).toBeVisible();
  await app.getByTestId('cloud-tasks-tab').click();
  await app.getByTestId('cloud-download').click();
  const dialog = app.getByTestId('cloud-download-dialog');
  const urls = dialog.getByTestId('cloud-download-urls');
  await urls.fill('ftp://example.com/nope.bin');
  await expect(dialog.getByTestId('cloud-download-problem')).toHaveText(
    'Line 1 is not an http:// or https:// address.',
  );
  await expect(dialog.getByTestId('cloud-download-submit')).toBeDisabled();
  await urls.fill(`${web.origin}/datasets/survey%202026.csv`);
  await expect(dialog.getByRole('option', { name: 'Downloads from the web' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await dialog.getByTestId('cloud-download-submit').click();
  await expect(dialog).toBeHidden();

  const panel = app.getByTestId('transfers-panel');
  await expect(panel.getByTestId('cloud-tasks-tab')).toHaveAttribute('aria-selected', 'true');
  const task = panel.getByTestId('cloud-task-row').filter({ hasText: 'survey 2026.csv' });
  await expect(task).toHaveAttribute('data-state', 'running');
  await expect(task.getByTestId('cloud-task-state')).toHaveText(/^Fetching (4\d|50) %$/);
  await screenshot(app, 'cloud-download-transfers-en');

  gate.release();
  await expect(task).toHaveAttribute('data-state', 'completed');
  await expect(task.getByTestId('cloud-task-state')).toHaveText('Done');
  await expect(row(app, 'survey 2026.csv')).toBeVisible();
  const placed = fakePan.state.find('/Downloads from the web/survey 2026.csv');
  expect(placed?.md5).toBe(createHash('md5').update(BODY).digest('hex'));
  expect(placed?.size).toBe(BODY.length);
});

import { expect, test } from '../support/fixtures';
import { allowClipboard, readClipboard, row, screenshot } from '../support/cloud-kit';

const DAY_MS = 24 * 3600 * 1000;

test.use({
  viewport: { width: 1280, height: 800 },
  driveSeed: {
    arrange: async (fake) => {
      fake.state.addFolder('/Holiday 2026');
      await fake.state.addFile('/Holiday 2026/beach.jpg', 'a picture of the beach\n');
      await fake.state.addFile('/report.pdf', 'quarterly numbers\n');
    },
  },
});

test('shares with a 7-day expiry and a code, lists it in My shares and copies its link with the code', async ({
  app,
  fakePan,
}) => {
  await allowClipboard(app);
  await row(app, 'Holiday 2026').click();
  await app.getByTestId('share').click();
  const dialog = app.getByTestId('share-dialog');
  await expect(dialog.getByTestId('share-name')).toHaveValue('Holiday 2026');
  await dialog.getByTestId('share-expiry-7').check();
  await dialog.getByTestId('share-code').fill('k3p9');
  await dialog.getByTestId('share-traffic-package').selectOption('guests_without_login');
  await screenshot(app, 'share-dialog-en');
  await dialog.getByTestId('share-create').click();
  await expect(dialog.getByTestId('share-result')).toBeVisible();

  const [share] = fakePan.cloud.shares.all();
  expect(share).toMatchObject({ shareName: 'Holiday 2026', sharePwd: 'k3p9', trafficSwitch: 2 });
  expect(share!.expiresAt! - share!.createdAt).toBe(7 * DAY_MS);
  const url = `https://www.123pan.com/s/${share!.shareKey}`;
  await expect(dialog.getByTestId('share-link')).toHaveValue(url);
  await expect(dialog.getByTestId('share-result-code')).toHaveText('k3p9');
  await screenshot(app, 'share-created-en');
  await dialog.getByTestId('share-copy').click();
  await expect(app.getByTestId('toast').filter({ hasText: 'The link is on the clipboard.' })).toBeVisible();
  expect(await readClipboard(app)).toBe(`${url} (extraction code: k3p9)`);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // My shares shows it with its expiry (the service states the time to the second).
  await app.getByTestId('open-my-shares').click();
  const mine = app.getByTestId('my-shares-dialog');
  const listed = mine.getByTestId('share-row');
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveAttribute('data-expired', 'false');
  await expect(listed).toContainText('Holiday 2026');
  await expect(listed.getByTestId('share-row-code')).toHaveText('Code: k3p9');
  const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(share!.expiresAt!);
  await expect(listed.getByTestId('share-row-expiry')).toContainText(`Valid until ${day}`);
  await expect(listed.getByTestId('share-row-traffic')).toHaveText('Visitors without signing in · no limit');
  await screenshot(app, 'my-shares-en');

  // Copy the link again from the list, after the clipboard held something else.
  await app.evaluate(() => navigator.clipboard.writeText('something else'));
  await listed.getByTestId('share-row-copy').click();
  await expect.poll(() => readClipboard(app)).toBe(`${url} (extraction code: k3p9)`);

  // Traffic settings change in place and on the service.
  await listed.getByTestId('share-row-traffic-edit').click();
  await listed.getByTestId('share-traffic-package').selectOption('all');
  await listed.getByTestId('share-traffic-save').click();
  await expect(listed.getByTestId('share-row-traffic')).toHaveText('Everyone · no limit');
  expect(fakePan.cloud.shares.get(share!.shareId)?.trafficSwitch).toBe(4);
});

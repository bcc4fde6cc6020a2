import { createHash } from 'node:crypto';
import { seededBytes } from '../support/blobs';
import { expect, test } from '../support/fixtures';
import { allowClipboard, readClipboard, row } from '../support/cloud-kit';

const PHOTO = seededBytes(41, 300_000);
const PRIVATE_KEY = 'e2e-url-auth-key-5150';

test.use({
  driveSeed: {
    arrange: async (fake) => {
      // Direct links need VIP (or developer) benefits.
      fake.setVip(true);
      fake.state.addFolder('/Public');
      await fake.state.addFile('/Public/photo 1.png', PHOTO);
      await fake.state.addFile('/private.txt', 'not public\n');
    },
  },
});

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

async function fetchMd5(url: string): Promise<{ status: number; md5: string }> {
  const res = await fetch(url);
  return { status: res.status, md5: md5(new Uint8Array(await res.arrayBuffer())) };
}

test("turns direct links on for a folder, copies a file's link and the link serves the file", async ({
  app,
  fakePan,
}) => {
  await allowClipboard(app);
  await row(app, 'Public').click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Turn on direct links' }).click();
  await expect(
    app.getByTestId('toast').filter({ hasText: 'Direct links are on for “Public”' }),
  ).toBeVisible();
  const folder = fakePan.state.find('/Public')!;
  expect(fakePan.cloud.directLinks.isEnabled(folder.id)).toBe(true);

  await row(app, 'Public').dblclick();
  await row(app, 'photo 1.png').click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Copy direct link' }).click();
  await expect(
    app.getByTestId('toast').filter({ hasText: 'The direct link of “photo 1.png”' }),
  ).toBeVisible();
  const link = await readClipboard(app);
  expect(new URL(link).host).toBe(new URL(fakePan.cdnUrl).host);
  expect(await fetchMd5(link)).toEqual({ status: 200, md5: md5(PHOTO) });

  // With URL authentication on the account, only signed links work: the key goes in the settings.
  fakePan.cloud.directLinks.setPrivateKey(PRIVATE_KEY);
  expect((await fetch(link)).status).toBe(403);
  await app.getByTestId('open-settings').click();
  const fields = app.getByTestId('direct-link-settings');
  await fields.getByTestId('direct-link-key').fill(PRIVATE_KEY);
  await fields.getByTestId('direct-link-save').click();
  await expect(fields.getByTestId('direct-link-key-status')).toHaveAttribute('data-saved', 'true');
  await expect(fields.getByTestId('direct-link-key')).toHaveValue('');
  expect(await app.content()).not.toContain(PRIVATE_KEY);
  await app.getByTestId('settings-dialog').getByRole('button', { name: 'Close' }).click();

  await app.evaluate(() => navigator.clipboard.writeText(''));
  await row(app, 'photo 1.png').click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Copy direct link' }).click();
  await expect.poll(() => readClipboard(app)).toContain('auth_key=');
  const signed = await readClipboard(app);
  expect(signed).not.toContain(PRIVATE_KEY);
  expect(await fetchMd5(signed)).toEqual({ status: 200, md5: md5(PHOTO) });

  // Turning them off again.
  await app.getByRole('button', { name: 'Up', exact: true }).click();
  await row(app, 'Public').click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Turn off direct links' }).click();
  await expect.poll(() => fakePan.cloud.directLinks.isEnabled(folder.id)).toBe(false);
});

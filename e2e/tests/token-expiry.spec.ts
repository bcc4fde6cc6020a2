import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { md5, readOrEmpty, seededBytes } from '../support/blobs';
import { updateSettings } from '../support/bridge-call';
import { DEFAULT_SEED, expect, test } from '../support/fixtures';

const FIRST = seededBytes(11, 3 * 1024 * 1024 + 17);
const SECOND = seededBytes(12, 1024 * 1024 + 5);

test.use({
  driveSeed: {
    arrange: async (fake) => {
      await DEFAULT_SEED.arrange(fake);
      await fake.state.addFile('/first.bin', FIRST);
      await fake.state.addFile('/second.bin', SECOND);
    },
  },
});

test('the access token expires while downloads run; the app signs in again by itself and both finish', async ({
  app,
  fakePan,
  downloadDir,
}) => {
  // One download at a time, on a slow CDN: the second file asks for its download URL only
  // after the token died, so that call meets a 401 the back end must recover from alone.
  await updateSettings(app, { downloadConcurrency: 1 });
  fakePan.faults.set({ cdnBytesPerSecond: 1024 * 1024 });

  await app.getByTestId('file-row').filter({ hasText: 'first.bin' }).click();
  await app
    .getByTestId('file-row')
    .filter({ hasText: 'second.bin' })
    .click({ modifiers: ['Control'] });
  await app.getByTestId('download').click();

  const firstRow = app.getByTestId('transfer-row').filter({ hasText: 'first.bin' });
  await expect(firstRow).toHaveAttribute('data-state', 'running');
  await expect(app.getByTestId('transfer-row').filter({ hasText: 'second.bin' })).toHaveAttribute(
    'data-state',
    'queued',
  );
  expect(fakePan.tokens.expire()).toBeGreaterThan(0);

  for (const [name, bytes] of [
    ['first.bin', FIRST],
    ['second.bin', SECOND],
  ] as const) {
    await expect
      .poll(async () => (await readOrEmpty(join(downloadDir, name))).equals(bytes), { timeout: 90_000 })
      .toBe(true);
  }
  // A live token exists again: the back end minted one with its stored credentials, unasked.
  expect(fakePan.tokens.expire()).toBeGreaterThan(0);
  await expect(app.getByTestId('auth-banner')).toHaveCount(0);
  await app.getByRole('tab', { name: /Completed/ }).click();
  for (const name of ['first.bin', 'second.bin']) {
    await expect(app.getByTestId('transfer-row').filter({ hasText: name })).toHaveAttribute(
      'data-state',
      'completed',
    );
  }
});

test('an upload meets a 401 between slices and finishes without the user doing anything', async ({
  app,
  fakePan,
  workDir,
}) => {
  // Larger than the 16 MiB a single-step upload takes, so it goes up in slices: 35 small
  // ones on a slowed upload link, so the upload is well inside its slices when the 401 comes.
  const bytes = seededBytes(13, 17 * 1024 * 1024 + 9);
  const local = join(workDir, 'report.bin');
  await writeFile(local, bytes);
  fakePan.switches.set({ sliceSize: 512 * 1024 });
  fakePan.faults.set({ uploadBytesPerSecond: 2 * 1024 * 1024 });

  const chooser = app.waitForEvent('filechooser');
  await app.getByTestId('upload-files').click();
  await (await chooser).setFiles(local);
  const upload = app.getByTestId('transfer-row').filter({ hasText: 'report.bin' });
  await expect(upload.getByTestId('transfer-state')).toHaveText('Uploading');
  // Some slices are in (the row shows sent bytes), many are still to come.
  const percent = async (): Promise<number> =>
    Number((await upload.locator('progress').getAttribute('value')) ?? 0);
  await expect.poll(percent, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
  expect(await percent()).toBeLessThan(60);
  fakePan.faults.set({ force401Next: 1 });

  await expect.poll(() => fakePan.state.find('/report.bin')?.md5, { timeout: 90_000 }).toBe(md5(bytes));
  expect(fakePan.faults.get().force401Next).toBe(0);
  await expect(app.getByTestId('auth-banner')).toHaveCount(0);
  await app.getByRole('tab', { name: /Completed/ }).click();
  await expect(upload).toHaveAttribute('data-state', 'completed');
});

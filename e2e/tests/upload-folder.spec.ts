import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';

test('uploads a folder picked with "Upload folder", keeping its structure', async ({
  app,
  fakePan,
  workDir,
}) => {
  const local = join(workDir, 'pick', 'Holiday');
  await mkdir(join(local, 'day 1'), { recursive: true });
  await writeFile(join(local, 'day 1', 'beach.txt'), 'sand and sea\n');
  await writeFile(join(local, 'day 1', 'hotel.txt'), 'room 12\n');
  await writeFile(join(local, 'plan.txt'), 'go\n');

  await app.getByRole('tab', { name: /Completed/ }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByTestId('upload-folder').click();
  await (await chooser).setFiles(local);

  const transfers = app.getByTestId('transfer-row');
  for (const name of ['beach.txt', 'hotel.txt', 'plan.txt']) {
    await expect(transfers.filter({ hasText: name })).toHaveAttribute('data-state', 'completed', {
      timeout: 60_000,
    });
  }
  await expect(app.getByTestId('file-row').filter({ hasText: 'Holiday' })).toBeVisible();
  expect(fakePan.state.find('/Holiday/day 1/beach.txt')?.size).toBe('sand and sea\n'.length);
  expect(fakePan.state.find('/Holiday/day 1/hotel.txt')?.size).toBe('room 12\n'.length);
  expect(fakePan.state.find('/Holiday/plan.txt')?.size).toBe(3);

  const staging = join(workDir, 'user-data', 'staging');
  await expect.poll(async () => (await readdir(staging).catch(() => [])).length, { timeout: 30_000 }).toBe(0);
});

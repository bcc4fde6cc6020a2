import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';

test('downloads a file with the Download button into the download folder, byte for byte', async ({
  app,
  downloadDir,
}) => {
  const expected = Buffer.from('hello from fake-pan\n');
  await app.getByTestId('file-row').filter({ hasText: 'hello.txt' }).click();
  await app.getByTestId('download').click();
  const saved = join(downloadDir, 'hello.txt');
  await expect
    .poll(async () => (await readFile(saved).catch(() => Buffer.alloc(0))).equals(expected), {
      timeout: 60_000,
      intervals: [200, 500, 1000],
    })
    .toBe(true);
});

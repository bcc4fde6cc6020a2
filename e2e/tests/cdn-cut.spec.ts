import { join } from 'node:path';
import { readOrEmpty, seededBytes } from '../support/blobs';
import { DEFAULT_SEED, expect, test } from '../support/fixtures';

const MOVIE = seededBytes(21, 6 * 1024 * 1024 + 123);

test.use({
  driveSeed: {
    arrange: async (fake) => {
      await DEFAULT_SEED.arrange(fake);
      await fake.state.addFile('/movie.mkv', MOVIE);
    },
  },
});

test('the CDN connection is cut twice mid-download; the download resumes and ends with the exact bytes', async ({
  app,
  fakePan,
  downloadDir,
}) => {
  fakePan.faults.set({ cdnCutAfterBytes: 1536 * 1024, cdnCutNext: 2 });
  await app.getByTestId('file-row').filter({ hasText: 'movie.mkv' }).click();
  await app.getByTestId('download').click();

  const saved = join(downloadDir, 'movie.mkv');
  await expect.poll(async () => (await readOrEmpty(saved)).equals(MOVIE), { timeout: 90_000 }).toBe(true);
  // Both cuts really happened (each consumed one count).
  expect(fakePan.faults.get().cdnCutNext).toBe(0);
  await app.getByRole('tab', { name: /Completed/ }).click();
  await expect(app.getByTestId('transfer-row').filter({ hasText: 'movie.mkv' })).toHaveAttribute(
    'data-state',
    'completed',
  );
});

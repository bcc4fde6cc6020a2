import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { seededBytes, readOrEmpty } from '../support/blobs';
import { DEFAULT_SEED, expect, test } from '../support/fixtures';

const PHOTO = seededBytes(7, 300 * 1024 + 3);

test.use({
  driveSeed: {
    arrange: async (fake) => {
      await DEFAULT_SEED.arrange(fake);
      await fake.state.addFile('/photo.raw', PHOTO);
    },
  },
});

test('a file dragged onto a local place added in the sidebar lands in that folder with the exact bytes', async ({
  app,
}) => {
  const placeDir = await mkdtemp(join(tmpdir(), 'pandesk-place-'));
  try {
    // Add the folder as a place (the browser host has no native picker: a typed path).
    await app.getByRole('button', { name: /Add folder/ }).click();
    const dialog = app.getByTestId('path-dialog');
    await dialog.getByTestId('path-input').fill(placeDir);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(dialog).toBeHidden();
    const place = app.getByTestId('place').filter({ hasText: basename(placeDir) });
    await expect(place).toBeVisible();

    // Drag the file onto it: the place lights up as a drop target, the drop downloads into it.
    await app.getByTestId('file-row').filter({ hasText: 'photo.raw' }).hover();
    await app.mouse.down();
    await place.hover();
    await place.hover({ position: { x: 10, y: 6 } });
    await expect(place).toHaveClass(/is-drop-target/);
    await app.mouse.up();
    await expect(place).not.toHaveClass(/is-drop-target/);

    const saved = join(placeDir, 'photo.raw');
    await expect.poll(async () => (await readOrEmpty(saved)).equals(PHOTO), { timeout: 60_000 }).toBe(true);
    await app.getByRole('tab', { name: /Completed/ }).click();
    await expect(app.getByTestId('transfer-row').filter({ hasText: 'photo.raw' })).toHaveAttribute(
      'data-state',
      'completed',
    );
  } finally {
    await rm(placeDir, { recursive: true, force: true });
  }
});

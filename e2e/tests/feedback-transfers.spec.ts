import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seededBytes } from '../support/blobs';
import { DEFAULT_SEED, expect, test } from '../support/fixtures';
import { shot } from '../support/shots';

/**
 * Issue #12 items 4, 5 and 11 (transfers), in Chromium against the browser host: retry of a
 * cancelled upload, progress inside a slice with speed and time left, progress that does not
 * go backwards after a CDN cut and a pause, finished items latest first, a re-download that says
 * under which name it was saved, and an empty panel that leaves the room to the files.
 */

const MiB = 1024 * 1024;

test.use({
  viewport: { width: 1280, height: 800 },
  driveSeed: {
    arrange: async (fake) => {
      await DEFAULT_SEED.arrange(fake);
      await fake.state.addFile('/movie.mkv', seededBytes(21, 8 * MiB));
    },
  },
});

const transfer = (app: Page, name: string) => app.getByTestId('transfer-row').filter({ hasText: name });
const row = (app: Page, name: string) => app.getByTestId('file-row').filter({ hasText: name });

async function uploadFile(app: Page, workDir: string, name: string, size: number): Promise<void> {
  const path = join(workDir, name);
  await writeFile(path, seededBytes(size % 1000, size));
  const chooser = app.waitForEvent('filechooser');
  await app.getByTestId('upload-files').click();
  await (await chooser).setFiles(path);
}

/** Percent values the row's progress bar showed, recorded in the page as they change. */
async function recordProgress(app: Page, name: string): Promise<() => Promise<number[]>> {
  await app.evaluate((wanted) => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    const read = (): void => {
      for (const el of document.querySelectorAll('[data-testid="transfer-row"]')) {
        if (!el.textContent?.includes(wanted)) continue;
        const value = Number(el.querySelector('progress')?.getAttribute('value') ?? 'NaN');
        if (!Number.isNaN(value) && seen[seen.length - 1] !== value) seen.push(value);
      }
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, name);
  return () => app.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
}

test('11: an empty transfers panel keeps only its header and one line', async ({ app }) => {
  const box = await app.getByTestId('transfers-panel').boundingBox();
  expect(box?.height ?? 999).toBeLessThan(100);
  await shot(app, '11-empty-transfers-panel');
});

test('4: a cancelled upload can be retried in the browser host, and completes', async ({
  app,
  fakePan,
  workDir,
}) => {
  fakePan.faults.set({ uploadBytesPerSecond: 256 * 1024 });
  await uploadFile(app, workDir, 'cancel-me.bin', 3 * MiB);
  await expect(transfer(app, 'cancel-me.bin')).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await transfer(app, 'cancel-me.bin').getByRole('button', { name: 'Cancel cancel-me.bin' }).click();
  await app.getByRole('tab', { name: /Failed/ }).click();
  await expect(transfer(app, 'cancel-me.bin')).toHaveAttribute('data-state', 'cancelled');
  // Staged bytes are kept for a retry (the janitor runs after queue changes).
  await app.waitForTimeout(1500);
  await shot(app, '4-cancelled-with-retry');
  fakePan.faults.reset();
  await transfer(app, 'cancel-me.bin').getByRole('button', { name: 'Retry cancel-me.bin' }).click();
  await app.getByRole('tab', { name: /Completed/ }).click();
  await expect(transfer(app, 'cancel-me.bin')).toHaveAttribute('data-state', 'completed', {
    timeout: 60_000,
  });
  expect(fakePan.state.find('/cancel-me.bin')?.size).toBe(3 * MiB);
});

test('5: upload progress moves inside a 16 MiB slice, with speed and time left', async ({
  app,
  fakePan,
  workDir,
}) => {
  fakePan.faults.set({ uploadBytesPerSecond: 1536 * 1024 });
  const progress = await recordProgress(app, 'slow.bin');
  await uploadFile(app, workDir, 'slow.bin', 17 * MiB);
  const item = transfer(app, 'slow.bin');
  await expect(item).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await expect(item.getByTestId('transfer-state')).toHaveText('Uploading', { timeout: 30_000 });
  // Within the first slice (about 11 s at this speed) the row moves, and says how fast and how long.
  await expect
    .poll(async () => (await progress()).filter((p) => p > 0 && p < 90).length, { timeout: 8000 })
    .toBeGreaterThan(1);
  await expect(item.locator('.pd-transfer-speed')).toHaveText(/\/s$/);
  await expect(item.locator('.pd-transfer-eta')).toHaveText(/left$/);
  await shot(app, '5-progress-inside-slice');
  await item.getByRole('button', { name: 'Cancel slow.bin' }).click();
});

test('5: download progress never goes backwards across a CDN cut and a pause, and says Downloading again', async ({
  app,
  fakePan,
}) => {
  fakePan.faults.set({ cdnBytesPerSecond: 1 * MiB, cdnCutAfterBytes: 3 * MiB, cdnCutNext: 1 });
  const progress = await recordProgress(app, 'movie.mkv');
  await row(app, 'movie.mkv').click();
  await app.getByTestId('download').click();
  const item = transfer(app, 'movie.mkv');
  await expect(item.getByTestId('transfer-state')).toHaveText('Downloading', { timeout: 30_000 });
  await expect.poll(() => fakePan.faults.get().cdnCutNext, { timeout: 30_000 }).toBe(0);
  await expect.poll(async () => (await progress()).at(-1) ?? 0, { timeout: 30_000 }).toBeGreaterThan(30);
  await item.getByRole('button', { name: 'Pause movie.mkv' }).click();
  await expect(item).toHaveAttribute('data-state', 'paused');
  await item.getByRole('button', { name: 'Resume movie.mkv' }).click();
  await expect(item).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await expect(item.getByTestId('transfer-state')).toHaveText('Downloading');
  await shot(app, '5-download-resumed');
  fakePan.faults.reset();
  await app.getByRole('tab', { name: /Completed/ }).click();
  await expect(transfer(app, 'movie.mkv')).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
  const seen = await progress();
  for (let i = 1; i < seen.length; i++)
    expect(seen[i], `progress ${seen.join(', ')}`).toBeGreaterThanOrEqual(seen[i - 1] ?? 0);
});

test('11: finished transfers come latest first, and a re-download says the name it was saved under', async ({
  app,
}) => {
  await app.getByRole('tab', { name: /Completed/ }).click();
  for (const name of ['hello.txt', 'movie.mkv', 'hello.txt']) {
    await row(app, name).click();
    await app.getByTestId('download').click();
    await expect(app.getByTestId('transfer-row').first()).toContainText(name, { timeout: 60_000 });
    await expect(app.getByTestId('transfer-row').first()).toHaveAttribute('data-state', 'completed');
  }
  const names = await app.getByTestId('transfer-row').locator('.pd-transfer-name').allTextContents();
  expect(names).toEqual(['hello.txt', 'movie.mkv', 'hello.txt']);
  await expect(app.getByTestId('transfer-row').first().getByTestId('transfer-state')).toHaveText(
    'Done · saved as “hello (1).txt”',
  );
  await expect(app.getByTestId('transfer-row').last().getByTestId('transfer-state')).toHaveText('Done');
  await shot(app, '11-completed-latest-first-saved-as');
});

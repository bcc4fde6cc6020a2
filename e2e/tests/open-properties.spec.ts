import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { updateSettings } from '../support/bridge-call';
import { expect, test } from '../support/fixtures';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const TEXT = 'plain words in a text file\n';
const HTML = '<script>alert("from the cloud")</script><p>page</p>';

test.use({
  driveSeed: {
    arrange: async (fake) => {
      fake.state.addFolder('/Work');
      await fake.state.addFile('/Work/report.txt', TEXT);
      await fake.state.addFile('/Work/dot.png', PNG);
      await fake.state.addFile('/Work/page.html', HTML);
      await fake.state.addFile('/Work/archive.zip', 'PK');
    },
  },
});

const row = (app: Page, name: string) =>
  app.getByTestId('file-row').filter({ has: app.locator('.pd-name', { hasText: name }) });

async function intoWork(app: Page): Promise<void> {
  await row(app, 'Work').dblclick();
  await expect(row(app, 'report.txt')).toBeVisible();
}

test('Properties (Alt+Enter) show the MD5 the test computed, the path from the root and the ID', async ({
  app,
  fakePan,
}) => {
  await intoWork(app);
  await row(app, 'report.txt').click();
  await app.keyboard.press('Alt+Enter');
  const dialog = app.getByTestId('properties-dialog');
  await expect(dialog).toBeVisible();
  const md5 = createHash('md5').update(TEXT).digest('hex');
  await expect(dialog.getByTestId('properties-md5')).toHaveText(md5);
  await expect(dialog.getByTestId('properties-path')).toHaveText('My drive / Work / report.txt');
  await expect(dialog.getByTestId('properties-id')).toHaveText(
    String(fakePan.state.find('/Work/report.txt')?.id),
  );
  await expect(dialog.getByTestId('properties-type')).toHaveText('Text (TXT)');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('each file shows the icon of its type', async ({ app }) => {
  await intoWork(app);
  const typeOf = (name: string) => row(app, name).locator('[data-file-type]');
  await expect(typeOf('report.txt')).toHaveAttribute('data-file-type', 'text');
  await expect(typeOf('dot.png')).toHaveAttribute('data-file-type', 'image');
  await expect(typeOf('archive.zip')).toHaveAttribute('data-file-type', 'archive');
});

test('double-click opens a text file and an image in a new tab through the local proxy', async ({ app }) => {
  await updateSettings(app, { downloadMethod: 'local_proxy' });
  await intoWork(app);

  const textTab = app.waitForEvent('popup');
  await row(app, 'report.txt').dblclick();
  const text = await textTab;
  await expect(text.locator('body')).toHaveText(TEXT.trim());
  await text.close();

  const imageTab = app.waitForEvent('popup');
  await row(app, 'dot.png').click();
  await app.keyboard.press('Enter');
  const image = await imageTab;
  await image.waitForURL(/\/api\/dl\//);
  await expect.poll(() => image.evaluate(() => document.images[0]?.naturalWidth ?? 0)).toBe(1);
  await image.close();
});

test('an HTML file is saved, never shown, and opens no tab', async ({ app }) => {
  await updateSettings(app, { downloadMethod: 'local_proxy' });
  await intoWork(app);
  const popups: string[] = [];
  app.on('popup', (p) => void popups.push(p.url()));
  const download = app.waitForEvent('download');
  await row(app, 'page.html').dblclick();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('page.html');
  expect(popups).toEqual([]);
});

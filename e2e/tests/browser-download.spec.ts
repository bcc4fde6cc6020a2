import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { updateSettings } from '../support/bridge-call';
import { expect, test } from '../support/fixtures';

const EXPECTED = Buffer.from('hello from fake-pan\n');

async function saveThroughBrowser(app: Page): Promise<Buffer> {
  await app.getByTestId('file-row').filter({ hasText: 'hello.txt' }).click();
  const download = app.waitForEvent('download');
  await app.getByTestId('save-to').click();
  const file = await (await download).path();
  return readFile(file);
}

test('"Save to…" lets the browser download the file straight from the CDN (302)', async ({ app }) => {
  expect((await saveThroughBrowser(app)).equals(EXPECTED)).toBe(true);
});

test('"Save to…" with the local proxy method streams the bytes through the host', async ({ app }) => {
  await updateSettings(app, { downloadMethod: 'local_proxy' });
  expect((await saveThroughBrowser(app)).equals(EXPECTED)).toBe(true);
});

import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { updateSettings } from '../support/bridge-call';
import { expect, test } from '../support/fixtures';

const EXPECTED = Buffer.from('hello from fake-pan\n');

async function saveThroughBrowser(app: Page): Promise<{ bytes: Buffer; url: string }> {
  await app.getByTestId('file-row').filter({ hasText: 'hello.txt' }).click();
  const download = app.waitForEvent('download');
  await app.getByTestId('save-to').click();
  const saved = await download;
  return { bytes: await readFile(await saved.path()), url: saved.url() };
}

test('"Save to…" lets the browser download the file straight from the CDN (302)', async ({ app }) => {
  expect((await saveThroughBrowser(app)).bytes.equals(EXPECTED)).toBe(true);
});

test('"Save to…" with the local proxy method streams the bytes through the host', async ({ app }) => {
  await updateSettings(app, { downloadMethod: 'local_proxy' });
  expect((await saveThroughBrowser(app)).bytes.equals(EXPECTED)).toBe(true);
});

test('the download link carries no launch key and works only once', async ({ app, webHost }) => {
  await updateSettings(app, { downloadMethod: 'local_proxy' });
  const { bytes, url } = await saveThroughBrowser(app);
  expect(bytes.equals(EXPECTED)).toBe(true);
  // What the browser's download history records.
  const key = new URL(webHost.url).hash.slice('#k='.length);
  expect(url).toMatch(/\/api\/dl\/[\w-]+$/);
  expect(url).not.toContain(key);
  const again = await fetch(url);
  expect(again.status).toBe(410);
});

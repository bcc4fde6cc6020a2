import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

const EXPECTED = Buffer.from('hello from fake-pan\n');

/** Changes a setting through the host's own socket, as the page's bridge would. */
async function updateSettings(app: Page, patch: Record<string, unknown>): Promise<void> {
  const answer = await app.evaluate(async (input) => {
    const key = sessionStorage.getItem('pandesk.launchKey') ?? '';
    const ws = new WebSocket(`ws://${location.host}/ws`, ['pandesk', `k.${key}`]);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const reply = new Promise<string>((resolve) => {
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { kind: string; id?: number };
        if (message.kind === 'result' && message.id === 1) resolve(String(event.data));
      };
    });
    ws.send(JSON.stringify({ kind: 'call', id: 1, channel: 'settings:update', input }));
    const text = await reply;
    ws.close();
    return text;
  }, patch);
  expect(JSON.parse(answer)).toMatchObject({ result: { ok: true } });
}

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

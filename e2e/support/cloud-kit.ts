import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';

/** Screenshots of the cloud features, next to the other screenshots (e2e/artifacts/, git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));

export async function screenshot(app: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await app.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

export const row = (app: Page, name: string): Locator =>
  app
    .getByTestId('file-row')
    .filter({ has: app.locator('.pd-name', { hasText: new RegExp(`^${escape(name)}$`) }) });

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lets the page read and write the system clipboard, and reads it. */
export async function allowClipboard(app: Page): Promise<void> {
  await app
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url()).origin });
}

export function readClipboard(app: Page): Promise<string> {
  return app.evaluate(() => navigator.clipboard.readText());
}

export { startUrlServer, type UrlServer } from '@pandesk/fake-pan/testing';

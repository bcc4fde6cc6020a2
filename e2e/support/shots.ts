import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

/**
 * Screenshots of the states issue #12 asked for, one per defect (and language), saved under
 * e2e/artifacts/screenshots/issue-12/ (git-ignored) for the report and for review.
 */
export const ISSUE_12_SHOTS = fileURLToPath(new URL('../artifacts/screenshots/issue-12/', import.meta.url));

export async function shot(page: Page, name: string): Promise<string> {
  await mkdir(ISSUE_12_SHOTS, { recursive: true });
  const path = join(ISSUE_12_SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Three or more Latin words in a row: an English sentence (names of products and files aside). */
export const LATIN_SENTENCE = /[A-Za-z][A-Za-z’']*(?:[ ,;:.]+[A-Za-z][A-Za-z’']*){2,}/g;
export const CJK = /[\u4e00-\u9fff]+/g;

/** The window's visible text, with the given names (files, products) taken out. */
export async function visibleText(page: Page, names: readonly string[]): Promise<string> {
  let text = await page.evaluate(() => document.body.innerText);
  for (const name of [...names].sort((a, b) => b.length - a.length)) text = text.split(name).join(' ');
  return text;
}

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

/**
 * Starts recording every text the elements with `testId` inside rows containing `rowText` show,
 * in the page, so a state that lasts a moment is not missed; the answer lists them.
 */
export async function recordTexts(
  page: Page,
  testId: string,
  rowText: string,
): Promise<() => Promise<string[]>> {
  const key = `texts-${testId}-${rowText}`;
  await page.evaluate(
    ({ key, testId, rowText }) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[key] = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll(`[data-testid="${testId}"]`)) {
          const text = el.textContent ?? '';
          if (
            el.closest('[data-testid="transfer-row"]')?.textContent?.includes(rowText) &&
            !seen.includes(text)
          )
            seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    { key, testId, rowText },
  );
  return () => page.evaluate((k) => (window as unknown as Record<string, string[]>)[k] ?? [], key);
}

/** The window's visible text, with the given names (files, products) taken out. */
export async function visibleText(page: Page, names: readonly string[]): Promise<string> {
  let text = await page.evaluate(() => document.body.innerText);
  for (const name of [...names].sort((a, b) => b.length - a.length)) text = text.split(name).join(' ');
  return text;
}

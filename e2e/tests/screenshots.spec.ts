import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { FakePan } from '@pandesk/fake-pan';
import { seededBytes } from '../support/blobs';
import { updateSettings } from '../support/bridge-call';
import { expect, test } from '../support/fixtures';

/**
 * Screenshots of the main screens in both themes and both languages, with transfers running,
 * saved under e2e/artifacts/screenshots/ (git-ignored). docs/screenshots/ keeps two of them
 * (main-light-en as pandesk-light-en.png, main-dark-zh-CN as pandesk-dark-zh-CN.png), copied
 * from here by hand when the UI changes. zh-CN needs a
 * CJK font on the machine (Debian: fonts-wqy-microhei), else Chinese shows as boxes.
 */
const OUT_DIR = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const MiB = 1024 * 1024;

const FILES: readonly { path: string; size: number }[] = [
  { path: '/Documents/Quarterly report.pdf', size: 182_340 },
  { path: '/Documents/notes.txt', size: 1_204 },
  { path: '/Photos/2025-08 Lake/IMG_0412.jpg', size: 2_310_555 },
  { path: '/Budget 2026.xlsx', size: 48_210 },
  { path: '/Meeting notes.md', size: 3_876 },
  { path: '/项目计划.docx', size: 91_002 },
  { path: '/Holiday video.mp4', size: 12 * MiB },
  { path: '/Album backup.zip', size: 8 * MiB },
  { path: '/Design assets.psd', size: 6 * MiB },
];

test.use({
  viewport: { width: 1280, height: 800 },
  driveSeed: {
    arrange: async (fake) => {
      for (const folder of ['/Documents', '/Photos', '/Music', '/Videos', '/Shared with family'])
        fake.state.addFolder(folder);
      for (const [i, f] of FILES.entries()) await fake.state.addFile(f.path, seededBytes(100 + i, f.size));
      const old = await fake.state.addFile('/old draft.txt', 'an old draft\n');
      old.trashed = true;
      fake.state.drive.changed();
    },
  },
});

/** Starts two slow downloads (a third waits) and one slow upload, and waits until they move. */
async function startTransfers(app: Page, fake: FakePan, workDir: string): Promise<void> {
  await updateSettings(app, { downloadConcurrency: 2 });
  fake.faults.set({ cdnBytesPerSecond: 256 * 1024 });
  const row = (name: string) => app.getByTestId('file-row').filter({ hasText: name });
  await row('Holiday video.mp4').click();
  await row('Album backup.zip').click({ modifiers: ['Control'] });
  await row('Design assets.psd').click({ modifiers: ['Control'] });
  await app.getByTestId('download').click();

  const local = join(workDir, 'Scans 2025.pdf');
  await writeFile(local, seededBytes(999, 16 * MiB));
  fake.switches.set({ sliceSize: 256 * 1024 });
  fake.faults.set({ responseDelayMs: 1_000 });
  const chooser = app.waitForEvent('filechooser');
  await app.getByTestId('upload-files').click();
  await (await chooser).setFiles(local);

  const running = app.getByTestId('transfer-row').and(app.locator('[data-state="running"]'));
  await expect(running).toHaveCount(3);
  await expect(running.filter({ hasText: 'Scans 2025.pdf' }).locator('.pd-transfer-speed')).not.toBeEmpty();
  await expect
    .poll(() => running.locator('.pd-transfer-speed:not(:empty)').count())
    .toBeGreaterThanOrEqual(2);
  // Nothing selected in the pictures.
  await app.getByTestId('file-grid').press('Escape');
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

// Independent worlds: let both workers take them.
test.describe.configure({ mode: 'parallel' });

const VARIANTS = [
  { theme: 'light', language: 'en' },
  { theme: 'dark', language: 'en' },
  { theme: 'light', language: 'zh-CN' },
  { theme: 'dark', language: 'zh-CN' },
] as const;

for (const { theme, language } of VARIANTS) {
  test(`screenshots: ${theme} theme, ${language}, transfers running`, async ({ app, fakePan, workDir }) => {
    await mkdir(OUT_DIR, { recursive: true });
    const shot = (screen: string) =>
      app.screenshot({ path: join(OUT_DIR, `${screen}-${theme}-${language}.png`) });
    await updateSettings(app, { theme, language });
    await expect(app.getByTestId('app')).toHaveAttribute('data-theme', theme);
    await expect(app.getByTestId('upload-files')).toHaveText(language === 'en' ? 'Upload files' : '上传文件');

    await startTransfers(app, fakePan, workDir);
    await shot('main');

    await app.getByTestId('open-settings').click();
    await expect(app.getByTestId('settings-dialog')).toBeVisible();
    await shot('settings');
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('settings-dialog')).toBeHidden();

    await app.getByRole('button', { name: language === 'en' ? 'Recycle bin' : '回收站' }).click();
    await expect(app.getByTestId('file-row').filter({ hasText: 'old draft.txt' })).toBeVisible();
    await shot('recycle-bin');
  });
}

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { FakePan } from '@pandesk/fake-pan';
import { seededBytes } from '../support/blobs';
import { updateSettings } from '../support/bridge-call';
import { DEFAULT_SEED, expect, test } from '../support/fixtures';
import { CJK, LATIN_SENTENCE, recordTexts, shot, visibleText } from '../support/shots';

/**
 * Issue #12 item 3: the failure paths the service can cause — storage full, download traffic
 * used up (5113), a 429 storm, 503 answers on refresh, an invalid root folder ID — are worded
 * in the UI's language. In Chinese no English sentence is shown (file and product names
 * aside); in English no Chinese text (the service's own words wait in the folded details).
 */

const FILE_NAMES = [
  'hello.txt',
  'notes.txt',
  'Documents',
  'Photos',
  'Videos',
  'big.bin',
  'upload-me.bin',
  'limited.bin',
];
const PRODUCT_NAMES = ['PanDesk', '123 Cloud Drive', 'Client ID', 'Client Secret', 'HTTP(S)', 'KB/s', 'B/s'];
/** The language picker names each language in itself. */
const LANGUAGE_NAMES = ['简体中文', 'English'];

test.use({
  viewport: { width: 1280, height: 800 },
  driveSeed: {
    arrange: async (fake) => {
      await DEFAULT_SEED.arrange(fake);
      await fake.state.addFile('/big.bin', seededBytes(7, 64 * 1024));
    },
  },
});

type Language = 'en' | 'zh-CN';

/** Checks the visible text is all in `language` (names aside). */
async function expectOnlyLanguage(app: Page, language: Language, where: string): Promise<void> {
  const text = await visibleText(app, [...FILE_NAMES, ...PRODUCT_NAMES, ...LANGUAGE_NAMES]);
  if (language === 'zh-CN') expect(text.match(LATIN_SENTENCE) ?? [], `English in ${where}`).toEqual([]);
  else expect(text.match(CJK) ?? [], `Chinese in ${where}`).toEqual([]);
}

async function uploadFile(app: Page, workDir: string, name: string, size: number): Promise<void> {
  const path = join(workDir, name);
  await writeFile(path, seededBytes(size, size));
  const chooser = app.waitForEvent('filechooser');
  await app.getByTestId('upload-files').click();
  await (await chooser).setFiles(path);
}

const row = (app: Page, name: string) => app.getByTestId('file-row').filter({ hasText: name });
const transfer = (app: Page, name: string) => app.getByTestId('transfer-row').filter({ hasText: name });

const WORDS = {
  en: {
    failedTab: /Failed/,
    activeTab: /Active/,
    quota: /The cloud drive is full/,
    traffic: /download traffic is used up/,
    waitingLimited: 'Waiting: the service asked to slow down',
    refreshFailed: /Could not refresh: 123 Cloud Drive answered with a server error/,
    rootMissing: /No folder with ID 99999999 exists on the drive/,
    settingsSave: 'Save',
  },
  'zh-CN': {
    failedTab: /失败/,
    activeTab: /进行中|活动/,
    quota: /云盘空间已满/,
    traffic: /下载流量暂时已用完/,
    waitingLimited: '等待中：服务要求放慢速度',
    refreshFailed: /刷新失败：123 云盘返回了服务器错误/,
    rootMissing: /网盘中不存在 ID 为 99999999 的文件夹/,
    settingsSave: '保存',
  },
} as const;

async function failurePaths(app: Page, fakePan: FakePan, workDir: string, language: Language): Promise<void> {
  const words = WORDS[language];
  const tag = language === 'en' ? 'en' : 'zh-CN';
  await updateSettings(app, { language });
  await expect(app.getByTestId('upload-files')).toHaveText(language === 'en' ? 'Upload files' : '上传文件');

  // Storage full: the upload fails, worded from its reason; the service's Chinese text is only in the details.
  fakePan.faults.set({ quotaBytes: 1 });
  await uploadFile(app, workDir, 'upload-me.bin', 4096);
  await app.getByRole('tab', { name: words.failedTab }).click();
  await expect(transfer(app, 'upload-me.bin')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(transfer(app, 'upload-me.bin').getByTestId('transfer-state')).toHaveText(words.quota);
  await expectOnlyLanguage(app, language, 'the quota failure');
  await shot(app, `3-quota-${tag}`);
  fakePan.faults.reset();

  // Download traffic used up (5113).
  fakePan.faults.set({ trafficExhausted: true });
  await row(app, 'big.bin').click();
  await app.getByTestId('download').click();
  await expect(transfer(app, 'big.bin')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(transfer(app, 'big.bin').getByTestId('transfer-state')).toHaveText(words.traffic);
  await expect(transfer(app, 'big.bin').getByTestId('transfer-state')).not.toHaveText(/5113|code/);
  await expectOnlyLanguage(app, language, 'the traffic failure');
  await shot(app, `3-traffic-5113-${tag}`);
  // The service's own words are one click away.
  await transfer(app, 'big.bin')
    .getByRole('button', { name: /big\.bin/ })
    .first()
    .click();
  const details = app.getByTestId('transfer-details-dialog');
  await expect(details.getByTestId('transfer-details-lines')).toContainText('5113');
  await shot(app, `3-details-${tag}`);
  await details.getByRole('button').last().click();
  fakePan.faults.reset();

  // A 429 storm: the item says why it waits while the client waits it out, then completes.
  await app.getByRole('tab', { name: words.activeTab }).click();
  const states = await recordTexts(app, 'transfer-state', 'limited.bin');
  fakePan.faults.set({ force429Next: 9 });
  await uploadFile(app, workDir, 'limited.bin', 2048);
  await expect.poll(states, { timeout: 30_000 }).toContain(words.waitingLimited);
  await expectOnlyLanguage(app, language, 'the 429 wait');
  await shot(app, `5-429-waiting-${tag}`);
  await expect(transfer(app, 'limited.bin')).toHaveCount(0, { timeout: 60_000 });
  fakePan.faults.reset();

  // 503 answers on refresh: the rows stay, said to be possibly out of date, with retry.
  fakePan.faults.set({ rawHttpErrorNext: 40, rawHttpErrorStatus: 503 });
  await app.getByTestId('refresh').click();
  await expect(app.getByTestId('list-refresh-failed')).toContainText(words.refreshFailed, {
    timeout: 30_000,
  });
  await expect(row(app, 'hello.txt')).toBeVisible();
  await expectOnlyLanguage(app, language, 'the failed refresh');
  await shot(app, `2-refresh-503-${tag}`);
  fakePan.faults.reset();

  // An invalid root folder ID: said next to the field, in view.
  await app.getByTestId('open-settings').click();
  const dialog = app.getByTestId('settings-dialog');
  await dialog.getByTestId('settings-rootFolderId').fill('99999999');
  await dialog.getByTestId('settings-save').click();
  const problem = dialog.getByTestId('settings-problem-rootFolderId');
  await expect(problem).toContainText(words.rootMissing);
  await expect(problem).toBeInViewport();
  await expect(dialog.getByTestId('settings-message')).toBeInViewport();
  await expect(dialog.getByTestId('settings-message')).not.toContainText(/PanDesk sent|后端拒绝/);
  await expectOnlyLanguage(app, language, 'the invalid root folder ID');
  await shot(app, `10-invalid-root-${tag}`);
}

test('in Simplified Chinese every failure path is worded in Chinese, with no English sentence', async ({
  app,
  fakePan,
  workDir,
}) => {
  await failurePaths(app, fakePan, workDir, 'zh-CN');
});

test('in English every failure path is worded in English, with no Chinese text', async ({
  app,
  fakePan,
  workDir,
}) => {
  await failurePaths(app, fakePan, workDir, 'en');
});

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { shot } from '../support/shots';
import { startWebHostProcess } from '../support/web-host-process';

/** Every regular file below `dir` that holds `needle` (compared as bytes). */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const bytes = Buffer.from(needle);
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(bytes)) hits.push(path);
  }
  return hits;
}

test('without secret storage, the browser host signs in until it stops and writes no secret to disk', async ({
  page,
  fakePan,
  workDir,
}) => {
  const userData = join(workDir, 'user-data');
  // No --store-secrets-in-file and no credentials in the environment: the user enters them.
  const host = await startWebHostProcess({
    userData,
    downloadDir: join(workDir, 'downloads'),
    apiBaseUrl: fakePan.baseUrl,
    storeSecretsInFile: false,
  });
  try {
    await page.goto(host.url);
    await expect(page.locator('[data-app-state="ready"][data-auth-state="demo"]')).toBeVisible({
      timeout: 60_000,
    });
    await page.getByTestId('open-settings').click();
    const dialog = page.getByTestId('settings-dialog');
    const notice = dialog.getByTestId('secret-storage-unavailable');
    await expect(notice).toContainText('--store-secrets-in-file');
    await expect(notice).not.toContainText('Keyring');
    const secretField = dialog.getByTestId('settings-clientSecret');
    await expect(secretField).toBeDisabled();
    await shot(page, '9-browser-host-no-keyring');

    await dialog.getByTestId('settings-session-only').check();
    await expect(secretField).toBeEnabled();
    await dialog.getByTestId('settings-clientId').fill(fakePan.clientId);
    await secretField.fill(fakePan.clientSecret);
    await dialog.getByTestId('settings-save').click();
    await expect(dialog.getByTestId('secret-storage-session')).toContainText(
      'asked for them again next time',
    );
    await expect(page.locator('[data-app-state="ready"][data-auth-state="signed_in"]')).toBeVisible({
      timeout: 60_000,
    });
    expect(await filesContaining(userData, fakePan.clientSecret)).toEqual([]);
  } finally {
    await host.stop();
  }
  // Nothing was written at exit either, and there is no secrets file at all.
  expect(await filesContaining(userData, fakePan.clientSecret)).toEqual([]);
  expect(await readdir(userData)).not.toContain('secrets.json');
  expect(host.output()).not.toContain(fakePan.clientSecret);
});

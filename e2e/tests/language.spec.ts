import { expect, test } from '../support/fixtures';

test('switching to Simplified Chinese in the settings changes the UI strings, and the choice survives a reload', async ({
  app,
}) => {
  await expect(app.getByTestId('upload-files')).toHaveText('Upload files');
  await app.getByTestId('open-settings').click();
  const dialog = app.getByTestId('settings-dialog');
  await dialog.getByTestId('settings-language').selectOption({ label: '简体中文' });
  await dialog.getByTestId('settings-save').click();

  // The open dialog follows at once, and so does the rest of the window.
  await expect(dialog.getByTestId('settings-save')).toHaveText('保存');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByTestId('upload-files')).toHaveText('上传文件');
  await expect(app.getByTestId('new-folder')).toHaveText('新建文件夹');
  await expect(app.getByRole('button', { name: '回收站' })).toBeVisible();
  await expect(app.getByTestId('list-status')).toHaveText('4 项');
  await expect(app.getByText('Upload files')).toHaveCount(0);

  await app.reload();
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(app.getByTestId('upload-files')).toHaveText('上传文件');
});

// Product bug (packages/ui app.tsx: the tree store's root is reset with i18n.t('app.rootName') once, so the tree keeps "My drive" after switching).
test('the folder tree root follows the language switch', async ({ app }) => {
  const root = app.getByRole('tree').getByRole('treeitem').first();
  await expect(root).toHaveText(/My drive/);
  await app.getByTestId('open-settings').click();
  const dialog = app.getByTestId('settings-dialog');
  await dialog.getByTestId('settings-language').selectOption({ label: '简体中文' });
  await dialog.getByTestId('settings-save').click();
  await expect(dialog.getByTestId('settings-save')).toHaveText('保存');
  await expect(root).toHaveText(/我的网盘/);
  await app.reload();
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(app.getByRole('tree').getByRole('treeitem').first()).toHaveText(/我的网盘/);
});

/**
 * Failures where the user is looking, in their language, with one clear sentence: in-place
 * rename, the new-folder dialog, toasts, and a move into the folder's own subfolder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, rowNames } from '../testing/render-app';
import { entryId, fileRow } from '../testing/queries';

afterEach(cleanup);

describe('in-place rename', () => {
  it('shows a refused name in one sentence outside the clipped cell, keeps the keyboard, and Escape closes', async () => {
    const user = userEvent.setup();
    await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await user.click(fileRow('readme.md'));
    await user.keyboard('{F2}');
    const input = screen.getByTestId('rename-input') as HTMLInputElement;
    await user.clear(input);
    await user.type(input, 'Photos{Enter}');
    const error = await screen.findByTestId('rename-error');
    expect(error.textContent).toBe(
      'An item with that name already exists in this folder. Choose another name.',
    );
    // Drawn over the page, not inside the name cell that clips its content.
    expect(error.closest('.pd-cell')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect(document.activeElement).toBe(input);
    expect(input.disabled).toBe(false);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('rename-input')).toBeNull();
    expect(screen.queryByTestId('rename-error')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('file-grid'));
    // The list's shortcuts work again: Ctrl+A selects every row, not the page's text.
    await user.keyboard('{Control>}a{/Control}');
    expect(screen.getAllByTestId('file-row').every((r) => r.getAttribute('aria-selected') === 'true')).toBe(
      true,
    );
  });

  it('says why an invalid name cannot be used when Enter is pressed', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await user.click(fileRow('readme.md'));
    await user.keyboard('{F2}');
    const input = screen.getByTestId('rename-input');
    await user.clear(input);
    await user.type(input, '   {Enter}');
    expect((await screen.findByTestId('rename-error')).textContent).toBe(
      'A name cannot be made only of spaces.',
    );
    expect(bridge.calls).not.toContain('files.rename');
  });
});

describe('new folder dialog', () => {
  it('keeps Create available after a failure of the service, and says a clash once', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await user.click(screen.getByTestId('new-folder'));
    const dialog = screen.getByTestId('new-folder-dialog');
    const input = within(dialog).getByTestId('new-folder-name');
    await user.clear(input);
    await user.type(input, 'Photos{Enter}');
    const clash = await within(dialog).findByTestId('new-folder-error');
    expect(clash.textContent).toBe(
      'An item with that name already exists in this folder. Choose another name.',
    );
    await user.clear(input);
    await user.type(input, 'Music');
    bridge.failNext('files.mkdir', {
      code: 'network',
      reason: 'service_unavailable',
      message: 'file.mkdir: HTTP 502',
      retryable: true,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('new-folder-error').textContent).toMatch(/server error/),
    );
    const create = within(dialog).getByRole('button', { name: 'Create' }) as HTMLButtonElement;
    expect(create.disabled).toBe(false);
    await user.click(create);
    await waitFor(() => expect(screen.queryByTestId('new-folder-dialog')).toBeNull());
    expect(rowNames()).toContain('Music');
  });
});

describe('words in the current language', () => {
  it('says a move into its own subfolder as such, not as a failure inside PanDesk', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(fileRow('Documents'));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'x', ctrlKey: true });
    fireEvent.doubleClick(fileRow('Documents'));
    await waitFor(() => expect(rowNames()).toContain('Reports'));
    fireEvent.doubleClick(fileRow('Reports'));
    await waitFor(() => expect(rowNames()).toEqual([]));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'v', ctrlKey: true });
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toMatch(
      /^Moving failed: A folder cannot be moved into itself or into one of its own subfolders\. Choose another destination\./,
    );
    expect(toast.textContent).not.toMatch(/inside PanDesk|refused/);
    expect(bridge.drive.items.get(entryId(bridge, 'Documents'))?.entry.parentId).toBe(0);
  });

  it('rewords toasts already on screen when the language changes', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    bridge.failNext('files.trash', {
      code: 'quota',
      reason: 'space_exhausted',
      message: 'file.trash: 网盘空间不足 (code 1)',
      retryable: false,
      detail: { serviceCode: 1, serviceMessage: '网盘空间不足,请清理空间或升级会员' },
    });
    fireEvent.click(fileRow('readme.md'));
    fireEvent.click(screen.getByTestId('delete'));
    fireEvent.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: 'Delete' }));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toMatch(/^Moving to the recycle bin failed: The cloud drive is full\./);
    expect(toast.textContent).not.toMatch(/\(code 1\)/);
    // The service's own words are one click away, in the details.
    expect(within(toast).getByTestId('error-details').textContent).toMatch(
      /网盘空间不足,请清理空间或升级会员/,
    );
    await act(async () => {
      await bridge.settings.update({ language: 'zh-CN' });
    });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^移到回收站失败：云盘空间已满/),
    );
  });

  it('rewords the settings dialog note when the language changes', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await user.click(screen.getByTestId('open-settings'));
    const dialog = screen.getByTestId('settings-dialog');
    await user.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toBe('Settings saved.'),
    );
    await act(async () => {
      await bridge.settings.update({ language: 'zh-CN' });
    });
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).not.toBe('Settings saved.'),
    );
    expect(within(dialog).getByTestId('settings-message').textContent).toMatch(/[\u4e00-\u9fff]/);
  });
});

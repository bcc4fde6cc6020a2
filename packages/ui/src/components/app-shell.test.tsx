import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, rowNames } from '../testing/render-app';

afterEach(cleanup);

describe('language, theme, auth and tree', () => {
  it('switches to Simplified Chinese from the settings', async () => {
    await renderApp();
    fireEvent.click(screen.getByTestId('open-settings'));
    const dialog = await screen.findByTestId('settings-dialog');
    fireEvent.change(within(dialog).getByTestId('settings-language'), { target: { value: 'zh-CN' } });
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('new-folder').textContent).toBe('新建文件夹'));
    expect(screen.getByTestId('status-account').textContent).toBe('演示网盘');
    expect(screen.getByRole('grid', { name: '文件' })).toBeTruthy();
  });

  it('renames the folder tree root when the language changes', async () => {
    await renderApp();
    const firstTreeItem = () => within(screen.getByRole('tree')).getAllByRole('treeitem')[0]?.textContent;
    await waitFor(() => expect(firstTreeItem()).toMatch(/My drive/));
    fireEvent.click(screen.getByTestId('open-settings'));
    const dialog = await screen.findByTestId('settings-dialog');
    fireEvent.change(within(dialog).getByTestId('settings-language'), { target: { value: 'zh-CN' } });
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByTestId('new-folder').textContent).toBe('新建文件夹'));
    expect(firstTreeItem()).toMatch(/我的网盘/);
  });

  it('translates built-in place names by kind; user-added places keep their own names', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.places.add({ path: '/data/Downloads', name: 'Desktop' });
    });
    const placeNames = (): string[] =>
      screen.getAllByTestId('place').map((p) => p.querySelector('.pd-place-name')?.textContent ?? '');
    await waitFor(() => expect(placeNames()).toEqual(['Downloads', 'Desktop', 'Desktop']));
    fireEvent.click(screen.getByTestId('open-settings'));
    const dialog = await screen.findByTestId('settings-dialog');
    fireEvent.change(within(dialog).getByTestId('settings-language'), { target: { value: 'zh-CN' } });
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() => expect(placeNames()).toEqual(['下载', '桌面', 'Desktop']));
  });

  it('follows the theme setting', async () => {
    const { bridge } = await renderApp();
    expect(screen.getByTestId('app').dataset.theme).toBe('light');
    await act(async () => {
      await bridge.settings.update({ theme: 'dark' });
    });
    expect(screen.getByTestId('app').dataset.theme).toBe('dark');
  });

  it('shows a clear banner when auth is lost, pauses transfers and opens settings in one click', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.transfers.upload({ localPaths: ['/a'], remoteParentId: 0, conflict: 'skip' });
    });
    act(() =>
      bridge.setAuth({
        state: 'auth_required',
        problem: 'rejected',
        message: 'The access token has expired.',
        reason: 'auth_lost',
      }),
    );
    const banner = await screen.findByTestId('auth-banner');
    expect(banner.textContent).toMatch(
      /no longer accepts the saved sign-in\. Open Settings and sign in again/,
    );
    expect(banner.textContent).not.toMatch(/access token has expired/);
    await waitFor(() =>
      expect(within(screen.getByTestId('transfers-panel')).getByTestId('transfer-state').textContent).toBe(
        'Paused: sign in again',
      ),
    );
    fireEvent.click(within(banner).getByRole('button', { name: 'Open settings' }));
    expect(await screen.findByTestId('settings-dialog')).toBeTruthy();
  });

  it('offers the demo drive when no account is connected', async () => {
    const { bridge } = await renderApp({
      auth: {
        state: 'demo',
        account: { name: 'x', vipLevel: 0, developer: false, quota: { usedBytes: 0, totalBytes: 1 } },
      },
    });
    act(() =>
      bridge.setAuth({ state: 'auth_required', problem: 'no_credentials', message: 'No credentials.' }),
    );
    const banner = await screen.findByTestId('auth-banner');
    fireEvent.click(within(banner).getByRole('button', { name: 'Try the demo drive' }));
    await waitFor(() => expect(screen.getByTestId('demo-banner')).toBeTruthy());
    await waitFor(() => expect(rowNames()).toHaveLength(3));
  });

  it('is ready on a first start without any account, offering settings and the demo', async () => {
    const { bridge } = await renderApp({
      auth: { state: 'auth_required', problem: 'no_credentials', message: 'No credentials.' },
    });
    expect(screen.getByTestId('auth-banner').textContent).toMatch(/No account is connected/);
    expect(bridge.calls).not.toContain('files.list');
    fireEvent.click(within(screen.getByTestId('auth-banner')).getByRole('button', { name: 'Open settings' }));
    expect(await screen.findByTestId('settings-dialog')).toBeTruthy();
  });

  it('navigates the folder tree with the keyboard', async () => {
    await renderApp();
    const tree = screen.getByRole('tree');
    await waitFor(() => expect(within(tree).getAllByRole('treeitem')).toHaveLength(3));
    const items = (): HTMLElement[] => within(tree).getAllByRole('treeitem');
    items()[0]!.focus();
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(items()[1]!.getAttribute('tabindex')).toBe('0');
    expect(items()[1]!.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    await waitFor(() => expect(items()).toHaveLength(4));
    expect(items()[1]!.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(items()[2]!.textContent).toMatch(/Reports/);
    expect(items()[2]!.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(tree, { key: 'Enter' });
    await waitFor(() => expect(items()[2]!.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(items()[1]!.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(items()).toHaveLength(3);
    fireEvent.keyDown(tree, { key: 'End' });
    expect(items()[2]!.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(tree, { key: 'Home' });
    expect(items()[0]!.getAttribute('tabindex')).toBe('0');
  });

  it('refreshes with F5 and goes back with Alt+Left', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    bridge.drive.add({ name: 'late.txt', parentId: 0 });
    fireEvent.keyDown(document, { key: 'F5' });
    await waitFor(() => expect(rowNames()).toContain('late.txt'));
    fireEvent.doubleClick(screen.getAllByTestId('file-row')[0]!);
    await waitFor(() => expect(rowNames()).toEqual(['Reports', 'notes.txt']));
    fireEvent.keyDown(document, { key: 'ArrowLeft', altKey: true });
    await waitFor(() => expect(rowNames()).toContain('late.txt'));
  });
});

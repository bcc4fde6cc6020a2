import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from './app';
import { createI18n } from '../i18n/create-i18n';
import { createFakeBridge } from '../testing/fake-bridge';
import { createTestHost, renderApp, rowNames } from '../testing/render-app';

afterEach(cleanup);

const ACCOUNT = {
  name: 'real-user',
  vipLevel: 0,
  developer: false,
  quota: { usedBytes: 5, totalBytes: 100 },
};

describe('start-up while the back end is still signing in', () => {
  it('is ready at once, says it is connecting, holds transfers, then browses once signed in', async () => {
    const { bridge } = await renderApp({ auth: { state: 'connecting' } });
    const app = screen.getByTestId('app');
    expect(app.dataset.authState).toBe('connecting');
    expect(screen.getByTestId('connecting-banner').textContent).toMatch(/Connecting to 123 Cloud Drive/);
    expect(screen.queryByTestId('auth-banner')).toBeNull();
    expect(screen.getByTestId('status-account').textContent).toBe('Connecting…');
    // No listing was kept from an earlier session: the list says the files come once connected
    // (no error alert), and an empty queue has nothing to explain.
    expect(await screen.findByTestId('list-offline')).toHaveProperty(
      'textContent',
      'Your files appear as soon as PanDesk is connected.',
    );
    expect(screen.queryByTestId('list-error')).toBeNull();
    expect(screen.queryByTestId('transfers-blocked')).toBeNull();

    await act(async () => {
      await bridge.transfers.upload({ localPaths: ['/a'], remoteParentId: 0, conflict: 'skip' });
    });
    await waitFor(() =>
      expect(screen.getByTestId('transfers-blocked').textContent).toBe(
        'Transfers wait until PanDesk is connected to 123 Cloud Drive.',
      ),
    );

    act(() =>
      bridge.setAuth({
        state: 'auth_required',
        problem: 'unreachable',
        message: 'Could not reach it.',
        reason: 'service_unreachable',
        params: { host: 'open-api.123pan.com' },
      }),
    );
    const banner = await screen.findByTestId('auth-banner');
    expect(banner.textContent).toMatch(/123 Cloud Drive cannot be reached\..*PanDesk keeps trying/);
    expect(banner.textContent).not.toMatch(/Could not reach it/);
    // Where it tried is in the details, folded away.
    expect(within(banner).getByTestId('error-details').textContent).toMatch(/open-api\.123pan\.com/);
    expect(screen.getByTestId('status-account').textContent).toBe('Offline: retrying');
    expect(screen.getByTestId('transfers-blocked').textContent).toMatch(/wait until PanDesk is connected/);

    act(() => bridge.setAuth({ state: 'signed_in', account: ACCOUNT }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    expect(app.dataset.authState).toBe('signed_in');
    expect(screen.queryByTestId('connecting-banner')).toBeNull();
    expect(screen.queryByTestId('auth-banner')).toBeNull();
    expect(screen.queryByTestId('transfers-blocked')).toBeNull();
    expect(screen.getByTestId('status-account').textContent).toBe('Account: real-user');
  });

  it("shows the root's last known contents, marked offline, until signed in again", async () => {
    const { bridge } = await renderApp({ auth: { state: 'signed_in', account: ACCOUNT } });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    expect(screen.queryByTestId('offline-listing')).toBeNull();
    // Signing in again (e.g. the connection settings changed) and the service stays silent.
    act(() => bridge.setAuth({ state: 'connecting' }));
    await waitFor(() =>
      expect(screen.getByTestId('offline-listing').textContent).toMatch(/Offline: the last known/),
    );
    expect(rowNames()).toEqual(['Documents', 'Photos', 'readme.md']);
    act(() => bridge.setAuth({ state: 'auth_required', problem: 'unreachable', message: 'Silent.' }));
    expect(screen.getByTestId('offline-listing')).toBeTruthy();
    // A folder inside is not known offline: it says so instead of pretending.
    fireEvent.doubleClick(screen.getAllByTestId('file-row')[0]!);
    expect((await screen.findByTestId('list-offline')).textContent).toMatch(
      /as soon as PanDesk is connected/,
    );
    expect(rowNames()).toEqual([]);
    // Signed in again: the live root listing replaces the kept one.
    bridge.drive.add({ name: 'new.txt', parentId: 0 });
    act(() => bridge.setAuth({ state: 'signed_in', account: ACCOUNT }));
    await waitFor(() => expect(rowNames()).toContain('new.txt'));
    expect(screen.queryByTestId('offline-listing')).toBeNull();
  });

  it('says why transfers wait when sign-in is needed', async () => {
    const { bridge } = await renderApp({ auth: { state: 'connecting' } });
    await act(async () => {
      await bridge.transfers.upload({ localPaths: ['/a'], remoteParentId: 0, conflict: 'skip' });
    });
    act(() => bridge.setAuth({ state: 'auth_required', problem: 'rejected', message: 'Refused.' }));
    await waitFor(() =>
      expect(screen.getByTestId('transfers-blocked').textContent).toBe(
        'Transfers are paused until you sign in.',
      ),
    );
  });

  it('says it in Simplified Chinese too', async () => {
    const bridge = createFakeBridge({ auth: { state: 'connecting' } });
    await bridge.settings.update({ language: 'zh-CN' });
    render(<App bridge={bridge} host={createTestHost()} i18n={createI18n('zh-CN')} />);
    await waitFor(() =>
      expect(screen.getByTestId('connecting-banner').textContent).toBe(
        '正在连接 123 云盘…… 服务响应后即显示您的文件。',
      ),
    );
    expect(within(screen.getByRole('contentinfo')).getByTestId('status-account').textContent).toBe(
      '正在连接……',
    );
  });
});

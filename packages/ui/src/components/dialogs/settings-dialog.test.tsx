import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../testing/render-app';

afterEach(cleanup);

const open = async (): Promise<HTMLElement> => {
  fireEvent.click(screen.getByTestId('open-settings'));
  return screen.findByTestId('settings-dialog');
};

describe('settings dialog', () => {
  it('stores secrets without ever showing them again, and clears one on request', async () => {
    const user = userEvent.setup();
    const { bridge, container } = await renderApp();
    let dialog = await open();
    expect(within(dialog).getByTestId('secret-status-clientSecret').textContent).toBe('Not set');
    await user.type(within(dialog).getByTestId('settings-clientId'), 'my-client');
    await user.type(within(dialog).getByTestId('settings-clientSecret'), 'S3cret-value');
    await user.type(within(dialog).getByTestId('settings-accessToken'), 'tok-123');
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toBe('Settings saved.'),
    );
    expect(bridge.connection()).toMatchObject({
      clientId: 'my-client',
      clientSecret: 'S3cret-value',
      accessToken: 'tok-123',
      refreshToken: null,
    });
    // Saved: the fields are empty again and only the state is shown.
    expect((within(dialog).getByTestId('settings-clientSecret') as HTMLInputElement).value).toBe('');
    expect(within(dialog).getByTestId('secret-status-clientSecret').textContent).toMatch(/Saved \(hidden\)/);
    expect(container.innerHTML).not.toContain('S3cret-value');
    expect(container.innerHTML).not.toContain('tok-123');

    // Reopened: still nothing but the state; saving untouched secrets leaves them alone.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    dialog = await open();
    expect((within(dialog).getByTestId('settings-clientSecret') as HTMLInputElement).value).toBe('');
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() => expect(within(dialog).getByTestId('settings-message')).toBeTruthy());
    expect(bridge.connection().clientSecret).toBe('S3cret-value');

    const tokenBox = within(dialog).getByTestId('secret-status-accessToken').parentElement!;
    fireEvent.click(within(tokenBox).getByRole('button', { name: 'Clear' }));
    expect(within(dialog).getByTestId('secret-status-accessToken').textContent).toBe(
      'Will be cleared when you save.',
    );
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() => expect(bridge.connection().accessToken).toBeNull());
    expect(bridge.connection().clientSecret).toBe('S3cret-value');
  });

  it('says when the system cannot store secrets encrypted, with the secret fields disabled', async () => {
    const { bridge } = await renderApp({ noEncryption: true, host: 'desktop' });
    const dialog = await open();
    const notice = within(dialog).getByTestId('secret-storage-unavailable');
    expect(notice.textContent).toMatch(/^Your system offers no encrypted storage, so PanDesk cannot save/);
    expect(notice.textContent).toMatch(/keyring/);
    for (const key of ['clientSecret', 'accessToken', 'refreshToken']) {
      const input = within(dialog).getByTestId(`settings-${key}`) as HTMLInputElement;
      expect(input.disabled).toBe(true);
      // Shown as disabled too, not only unusable.
      expect(input.closest('label')?.className).toBe('is-disabled');
    }
    // The rest of the settings still work.
    expect((within(dialog).getByTestId('settings-clientId') as HTMLInputElement).disabled).toBe(false);
    fireEvent.change(within(dialog).getByTestId('settings-clientId'), { target: { value: 'my-client' } });
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toBe('Settings saved.'),
    );
    expect(bridge.connection().clientId).toBe('my-client');
    expect(bridge.calls.filter((c) => c === 'settings.setConnection')).toHaveLength(1);
  });

  it('offers "only until PanDesk stops": the fields open, the choice is sent, and the dialog says they will be asked again', async () => {
    const { bridge } = await renderApp({ noEncryption: true, host: 'desktop' });
    const dialog = await open();
    const secret = within(dialog).getByTestId('settings-clientSecret') as HTMLInputElement;
    fireEvent.click(within(dialog).getByTestId('settings-session-only'));
    expect(secret.disabled).toBe(false);
    expect(secret.closest('label')?.className).toBe('');
    fireEvent.change(within(dialog).getByTestId('settings-clientId'), { target: { value: 'cid' } });
    fireEvent.change(secret, { target: { value: 'session-secret' } });
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() => expect(within(dialog).getByTestId('secret-storage-session')).toBeTruthy());
    expect(within(dialog).getByTestId('secret-storage-session').textContent).toMatch(
      /kept only until PanDesk stops: they are then forgotten, and you will be asked for them again next time/,
    );
    expect(bridge.connection()).toMatchObject({ clientId: 'cid', clientSecret: 'session-secret' });
    expect(within(dialog).queryByTestId('secret-storage-unavailable')).toBeNull();
  });

  it('in the browser host, talks about the host and --store-secrets-in-file, never a keyring', async () => {
    await renderApp({ noEncryption: true, host: 'web' });
    const dialog = await open();
    const notice = within(dialog).getByTestId('secret-storage-unavailable').textContent ?? '';
    expect(notice).toMatch(/browser host/);
    expect(notice).toMatch(/--store-secrets-in-file/);
    expect(notice).not.toMatch(/keyring|keychain|GNOME|KWallet/i);
    expect(within(dialog).getByTestId('settings-session-only')).toBeTruthy();
  });

  it('shows no notice and enabled secret fields when storage is encrypted', async () => {
    await renderApp();
    const dialog = await open();
    expect(within(dialog).queryByTestId('secret-storage-unavailable')).toBeNull();
    expect((within(dialog).getByTestId('settings-clientSecret') as HTMLInputElement).disabled).toBe(false);
  });

  it('explains the root folder ID and tests the connection in words', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    const dialog = await open();
    expect(dialog.textContent).toContain('the number after homeFilePath= in the web UI’s address');
    fireEvent.click(within(dialog).getByTestId('settings-test'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toBe(
        'Not connected: No account is connected. Enter your client ID and client secret in Settings, or try the demo drive.',
      ),
    );
    await user.type(within(dialog).getByTestId('settings-clientSecret'), 'abc');
    fireEvent.click(within(dialog).getByTestId('settings-test'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toBe('Connected as real-user.'),
    );
    expect(bridge.calls).toContain('auth.signIn');
  });

  it('saves transfer settings, refusing a non-number before any request', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    const dialog = await open();
    const limit = within(dialog).getByTestId('settings-downloadSpeedLimit');
    await user.clear(limit);
    await user.type(limit, 'fast');
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    expect(within(dialog).getByTestId('settings-message').textContent).toMatch(/must be a whole number/);
    expect(bridge.calls).not.toContain('settings.update');
    await user.clear(limit);
    await user.type(limit, '512');
    const root = within(dialog).getByTestId('settings-rootFolderId');
    await user.clear(root);
    await user.type(root, '1000');
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toBe('Settings saved.'),
    );
    const view = await bridge.settings.get();
    expect(view.ok && view.value.downloadSpeedLimit).toBe(512 * 1024);
    expect(bridge.connection().rootFolderId).toBe(1000);
  });

  it('picks the download folder with the native dialog on the desktop', async () => {
    const { bridge } = await renderApp({ host: 'desktop' });
    const dialog = await open();
    fireEvent.click(within(dialog).getByTestId('settings-chooseFolder'));
    await waitFor(() =>
      expect((within(dialog).getByTestId('settings-downloadFolder') as HTMLInputElement).value).toBe(
        '/home/user/Chosen',
      ),
    );
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toBe('Settings saved.'),
    );
    const view = await bridge.settings.get();
    expect(view.ok && view.value.downloadFolder).toBe('/home/user/Chosen');
  });
});

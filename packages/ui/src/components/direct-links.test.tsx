import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, rowNames } from '../testing/render-app';
import { clipboardHost, rowOf } from '../testing/cloud-test-kit';

afterEach(cleanup);

const menuItems = (): string[] =>
  within(screen.getByRole('menu'))
    .getAllByRole('menuitem')
    .map((b) => b.textContent ?? '');

describe('direct links', () => {
  it('turns direct links on for a folder, copies a file link from inside it, and turns them off', async () => {
    const adapter = clipboardHost();
    const { bridge } = await renderApp({ adapter });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.contextMenu(rowOf('Photos'));
    expect(menuItems()).toContain('Turn on direct links');
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Turn on direct links' }));
    expect(await screen.findByText(/Direct links are on for “Photos”/)).toBeTruthy();
    expect(bridge.calls).toContain('directLinks.enable');

    // A file outside an enabled folder has no entry.
    fireEvent.contextMenu(rowOf('readme.md'));
    expect(menuItems()).not.toContain('Copy direct link');
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });

    fireEvent.doubleClick(rowOf('Photos'));
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg']));
    fireEvent.contextMenu(rowOf('beach.jpg'));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Copy direct link' }));
    await waitFor(() =>
      expect(adapter.clipboard).toEqual(['https://vip.fake-cdn.example/1814435920/beach.jpg']),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Up' }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.contextMenu(rowOf('Photos'));
    fireEvent.click(
      within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Turn off direct links' }),
    );
    await waitFor(() => expect(bridge.calls).toContain('directLinks.disable'));
  });

  it('explains instead of offering direct links to an account without VIP or developer benefits', async () => {
    await renderApp({
      auth: {
        state: 'signed_in',
        account: { name: 'free', vipLevel: 0, developer: false, quota: { usedBytes: 0, totalBytes: 1 } },
      },
    });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.contextMenu(rowOf('Photos'));
    const explained = within(screen.getByRole('menu')).getByRole('menuitem', {
      name: 'Direct links need a VIP or developer account',
    });
    expect(explained).toHaveProperty('disabled', true);
    expect(menuItems()).not.toContain('Turn on direct links');
  });

  it('stores the private key write-only in the settings and copies signed links', async () => {
    const user = userEvent.setup();
    const adapter = clipboardHost();
    const { bridge } = await renderApp({ adapter });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('open-settings'));
    const fields = await screen.findByTestId('direct-link-settings');
    expect(within(fields).getByTestId('direct-link-key-status').textContent).toBe('Not set');
    expect((within(fields).getByTestId('direct-link-minutes') as HTMLInputElement).value).toBe('1440');
    await user.type(within(fields).getByTestId('direct-link-key'), 'my-url-auth-key');
    const minutes = within(fields).getByTestId('direct-link-minutes');
    await user.clear(minutes);
    await user.type(minutes, '0');
    expect(within(fields).getByRole('alert').textContent).toMatch(/from 1 to 525600/);
    expect(within(fields).getByTestId('direct-link-save')).toHaveProperty('disabled', true);
    await user.clear(minutes);
    await user.type(minutes, '90');
    fireEvent.click(within(fields).getByTestId('direct-link-save'));
    await waitFor(() =>
      expect(within(fields).getByTestId('direct-link-key-status').textContent).toMatch(/^Saved/),
    );
    expect(bridge.cloudFake.privateKey()).toBe('my-url-auth-key');
    // Typed once, never shown again.
    expect((within(fields).getByTestId('direct-link-key') as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain('my-url-auth-key');
    fireEvent.keyDown(screen.getByTestId('settings-dialog'), { key: 'Escape' });

    // Links are signed now.
    fireEvent.contextMenu(rowOf('Photos'));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Turn on direct links' }));
    await screen.findByText(/Direct links are on/);
    fireEvent.doubleClick(rowOf('Photos'));
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg']));
    fireEvent.contextMenu(rowOf('beach.jpg'));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Copy direct link' }));
    await waitFor(() => expect(adapter.clipboard[0]).toMatch(/beach\.jpg\?auth_key=/));
    expect(
      await screen.findByText('The signed direct link of “beach.jpg” is on the clipboard.'),
    ).toBeTruthy();

    fireEvent.click(screen.getByTestId('open-settings'));
    fireEvent.click(
      within(await screen.findByTestId('direct-link-settings')).getByTestId('direct-link-clear'),
    );
    await waitFor(() => expect(bridge.cloudFake.privateKey()).toBeNull());
    expect(screen.getByTestId('direct-link-key-status').textContent).toBe('Not set');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestHost, renderApp, rowNames } from '../../testing/render-app';
import { clipboardHost, rowOf } from '../../testing/cloud-test-kit';

afterEach(cleanup);

const DAY_MS = 24 * 3600 * 1000;

describe('the share dialog', () => {
  it('shares with a name, an expiry, a typed code and traffic options, then copies link and code', async () => {
    const user = userEvent.setup();
    const adapter = clipboardHost();
    const { bridge } = await renderApp({ adapter });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(rowOf('readme.md'));
    fireEvent.click(screen.getByTestId('share'));
    const dialog = await screen.findByTestId('share-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Share “readme.md”');
    expect((within(dialog).getByTestId('share-name') as HTMLInputElement).value).toBe('readme.md');
    expect((within(dialog).getByTestId('share-expiry-7') as HTMLInputElement).checked).toBe(true);
    const code = within(dialog).getByTestId('share-code') as HTMLInputElement;
    expect(code.value).toMatch(/^[a-z2-9]{4}$/);

    await user.clear(code);
    await user.type(code, 'ab');
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'An extraction code has 4 to 8 letters or digits.',
    );
    expect(within(dialog).getByTestId('share-create')).toHaveProperty('disabled', true);
    await user.type(code, '12');
    fireEvent.click(within(dialog).getByTestId('share-expiry-30'));
    fireEvent.change(within(dialog).getByTestId('share-traffic-package'), { target: { value: 'all' } });
    fireEvent.click(within(dialog).getByTestId('share-traffic-limited'));
    const limit = within(dialog).getByTestId('share-traffic-limit-mb');
    await user.clear(limit);
    await user.type(limit, '10');
    const before = Date.now();
    fireEvent.click(within(dialog).getByTestId('share-create'));

    const link = (await within(dialog).findByTestId('share-link')) as HTMLInputElement;
    const [share] = bridge.cloudFake.shares;
    expect(share).toMatchObject({
      name: 'readme.md',
      extractionCode: 'ab12',
      traffic: { package: 'all', limitBytes: 10 * 1024 * 1024 },
    });
    expect(share!.expiresAt).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(link.value).toBe(share!.url);
    expect(within(dialog).getByTestId('share-result-code').textContent).toBe('ab12');
    fireEvent.click(within(dialog).getByTestId('share-copy'));
    await waitFor(() => expect(adapter.clipboard).toEqual([`${share!.url} (extraction code: ab12)`]));
    expect(await screen.findByText('The link is on the clipboard.')).toBeTruthy();
  });

  it('shares several items without a code and without expiry; the link alone is copied', async () => {
    const adapter = clipboardHost();
    const { bridge } = await renderApp({ adapter });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(rowOf('readme.md'));
    fireEvent.click(rowOf('Photos'), { ctrlKey: true });
    fireEvent.contextMenu(rowOf('Photos'));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Share…' }));
    const dialog = await screen.findByTestId('share-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Share 2 items');
    fireEvent.click(within(dialog).getByTestId('share-use-code'));
    expect(within(dialog).queryByTestId('share-code')).toBeNull();
    fireEvent.click(within(dialog).getByTestId('share-expiry-0'));
    fireEvent.click(within(dialog).getByTestId('share-create'));
    await within(dialog).findByTestId('share-result');
    expect(bridge.cloudFake.shares[0]).toMatchObject({ extractionCode: null, expiresAt: null });
    expect(within(dialog).getByText('Never expires')).toBeTruthy();
    fireEvent.click(within(dialog).getByTestId('share-copy'));
    await waitFor(() => expect(adapter.clipboard).toEqual([bridge.cloudFake.shares[0]!.url]));
  });

  it('refuses a name the service would refuse, and shows a failed creation in the dialog', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(rowOf('readme.md'));
    fireEvent.click(screen.getByTestId('share'));
    const dialog = await screen.findByTestId('share-dialog');
    const name = within(dialog).getByTestId('share-name');
    await user.clear(name);
    await user.type(name, 'x'.repeat(35));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'A share name can have at most 34 characters.',
    );
    await user.clear(name);
    await user.type(name, 'a|b');
    expect(within(dialog).getByRole('alert').textContent).toMatch(/cannot contain \|/);
    expect(within(dialog).getByTestId('share-create')).toHaveProperty('disabled', true);
    await user.clear(name);
    await user.type(name, 'Report');
    bridge.failNext('shares.create', {
      code: 'internal',
      message: 'The 123pan service reported a problem: 分享名称不能包含特殊字符',
    });
    fireEvent.click(within(dialog).getByTestId('share-create'));
    expect((await within(dialog).findByTestId('share-error')).textContent).toMatch(
      /分享名称不能包含特殊字符/,
    );
    expect(bridge.cloudFake.shares).toHaveLength(0);
  });

  it('shows the text to copy by hand when the host has no clipboard', async () => {
    const { bridge } = await renderApp({ adapter: createTestHost() });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(rowOf('readme.md'));
    fireEvent.click(screen.getByTestId('share'));
    const dialog = await screen.findByTestId('share-dialog');
    fireEvent.click(within(dialog).getByTestId('share-use-code'));
    fireEvent.click(within(dialog).getByTestId('share-create'));
    fireEvent.click(await within(dialog).findByTestId('share-copy'));
    const toast = await screen.findByText(/could not put this on the clipboard/);
    expect(toast.textContent).toContain(bridge.cloudFake.shares[0]!.url);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ShareLink } from '@pandesk/contract';
import { renderApp, rowNames } from '../../testing/render-app';
import { clipboardHost } from '../../testing/cloud-test-kit';

afterEach(cleanup);

function share(id: number, patch: Partial<ShareLink>): ShareLink {
  return {
    id,
    name: `share ${id}`,
    url: `https://www.123pan.com/s/key-${id}`,
    extractionCode: null,
    expiresAt: Date.UTC(2030, 0, 2, 12),
    expired: false,
    traffic: { package: 'off', limitBytes: null },
    previews: 3,
    downloads: 2,
    saves: 1,
    bytesCharged: 0,
    ...patch,
  };
}

describe('My shares', () => {
  it('pages through the shares, marks expired ones, copies a link again and changes traffic settings', async () => {
    const adapter = clipboardHost();
    const { bridge } = await renderApp({ adapter, sharePageSize: 2 });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    bridge.cloudFake.shares.push(
      share(1, { name: 'Old trip', expired: true, expiresAt: Date.UTC(2024, 5, 1) }),
      share(2, { name: 'Forever', expiresAt: null, extractionCode: 'q7r8' }),
      share(3, { name: 'Week', traffic: { package: 'all', limitBytes: 5 * 1024 * 1024 } }),
    );
    fireEvent.click(screen.getByTestId('open-my-shares'));
    const dialog = await screen.findByTestId('my-shares-dialog');
    await waitFor(() => expect(within(dialog).getAllByTestId('share-row')).toHaveLength(2));
    const rows = (): HTMLElement[] => within(dialog).getAllByTestId('share-row');
    expect(rows()[0]?.getAttribute('data-expired')).toBe('true');
    expect(within(rows()[0]!).getByTestId('share-expired').textContent).toBe('Expired');
    expect(within(rows()[0]!).getByTestId('share-row-expiry').textContent).toMatch(/^Expired on .*2024/);
    expect(rows()[1]?.getAttribute('data-expired')).toBe('false');
    expect(within(rows()[1]!).getByTestId('share-row-expiry').textContent).toBe('Never expires');
    expect(within(rows()[1]!).getByTestId('share-row-code').textContent).toBe('Code: q7r8');

    fireEvent.click(within(dialog).getByTestId('my-shares-more'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(dialog).queryByTestId('my-shares-more')).toBeNull();
    expect(within(rows()[2]!).getByTestId('share-row-expiry').textContent).toMatch(/^Valid until .*2030/);
    expect(within(rows()[2]!).getByTestId('share-row-traffic').textContent).toBe('Everyone · 5.0 MB');

    fireEvent.click(within(rows()[1]!).getByTestId('share-row-copy'));
    await waitFor(() =>
      expect(adapter.clipboard).toEqual(['https://www.123pan.com/s/key-2 (extraction code: q7r8)']),
    );

    fireEvent.click(within(rows()[0]!).getByTestId('share-row-traffic-edit'));
    const editor = within(rows()[0]!).getByTestId('share-traffic-editor');
    fireEvent.change(within(editor).getByTestId('share-traffic-package'), {
      target: { value: 'guests_without_login' },
    });
    fireEvent.click(within(editor).getByTestId('share-traffic-save'));
    await waitFor(() => expect(within(dialog).queryByTestId('share-traffic-editor')).toBeNull());
    expect(bridge.cloudFake.shares[0]?.traffic).toEqual({
      package: 'guests_without_login',
      limitBytes: null,
    });
    expect(within(rows()[0]!).getByTestId('share-row-traffic').textContent).toBe(
      'Visitors without signing in · no limit',
    );
  });

  it('says so when there is nothing shared, and shows a failed listing', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('open-my-shares'));
    const dialog = await screen.findByTestId('my-shares-dialog');
    expect(await within(dialog).findByText(/not shared anything yet/)).toBeTruthy();
    bridge.failNext('shares.list', { code: 'network', message: 'Offline.', retryable: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refresh' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/Offline/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeBridge } from '../../testing/fake-bridge';
import { createTestHost, renderApp } from '../../testing/render-app';

afterEach(cleanup);

const openSettings = async (): Promise<HTMLElement> => {
  fireEvent.click(screen.getByTestId('open-settings'));
  return screen.findByTestId('settings-dialog');
};

describe('open cache settings', () => {
  it('shows what the cache holds, clears it, and saves its limit (desktop)', async () => {
    const bridge = createFakeBridge({ host: 'desktop' });
    await renderApp({ bridge, adapter: createTestHost({ kind: 'electron' }) });
    const readme = [...bridge.drive.items.values()].find((i) => i.entry.name === 'readme.md')!.entry;
    await bridge.app.openFile({ fileId: readme.id });
    const dialog = await openSettings();
    await waitFor(() =>
      expect(within(dialog).getByTestId('open-cache-usage').textContent).toBe('1 files, 1.0 KB used'),
    );
    fireEvent.click(within(dialog).getByTestId('open-cache-clear'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('open-cache-usage').textContent).toBe('0 files, 0 B used'),
    );
    const limit = within(dialog).getByTestId('settings-openCacheLimitMb') as HTMLInputElement;
    expect(limit.value).toBe('2048');
    fireEvent.change(limit, { target: { value: '512' } });
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toBe('Settings saved.'),
    );
    const saved = await bridge.settings.get();
    expect(saved.ok && saved.value.openCacheLimitMb).toBe(512);
  });

  it('refuses a limit that is not a number, and is absent where files cannot be opened', async () => {
    const bridge = createFakeBridge({ host: 'desktop' });
    await renderApp({ bridge, adapter: createTestHost({ kind: 'electron' }) });
    let dialog = await openSettings();
    fireEvent.change(within(dialog).getByTestId('settings-openCacheLimitMb'), { target: { value: 'lots' } });
    fireEvent.click(within(dialog).getByTestId('settings-save'));
    await waitFor(() =>
      expect(within(dialog).getByTestId('settings-message').textContent).toContain('Cache for opened files'),
    );
    cleanup();
    await renderApp();
    dialog = await openSettings();
    expect(within(dialog).queryByTestId('settings-openCacheLimitMb')).toBeNull();
  });
});

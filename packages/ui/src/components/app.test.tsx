import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTestHost, renderApp, rowNames } from '../testing/render-app';
import { createFakeBridge } from '../testing/fake-bridge';
import { createI18n } from '../i18n/create-i18n';
import { mountPanDesk } from '../mount';
import { App } from './app';

afterEach(cleanup);

describe('App', () => {
  it('opens the demo drive with its banner, tree, list and status bar', async () => {
    await renderApp();
    expect(screen.getByTestId('demo-banner').textContent).toMatch(/demo drive/);
    await waitFor(() => expect(rowNames()).toEqual(['Documents', 'Photos', 'readme.md']));
    expect(screen.getByRole('tree').querySelectorAll('[role="treeitem"]').length).toBeGreaterThan(1);
    expect(screen.getByTestId('status-account').textContent).toBe('Demo drive');
    await waitFor(() => expect(screen.getByTestId('status-quota').textContent).toMatch(/used/));
  });
});

describe('mountPanDesk', () => {
  it('mounts into an element, reaches the ready state and unmounts cleanly', async () => {
    const root = document.createElement('div');
    document.body.appendChild(root);
    const bridge = createFakeBridge();
    const unmount = mountPanDesk(root, { bridge, host: createTestHost() });
    await waitFor(() => expect(root.querySelector('[data-app-state="ready"]')).not.toBeNull());
    expect(bridge.listenerCount('transfers:changed')).toBeGreaterThan(0);
    unmount();
    expect(root.innerHTML).toBe('');
    expect(bridge.listenerCount('transfers:changed')).toBe(0);
    root.remove();
  });

  it('shows why the back end cannot be reached and retries', async () => {
    const bridge = createFakeBridge();
    bridge.failNext('settings.get', {
      code: 'disconnected',
      message: 'The window is closing.',
      retryable: true,
    });
    render(<App bridge={bridge} host={createTestHost()} i18n={createI18n('en')} />);
    const alert = await screen.findByRole('alert');
    // Worded by the code in the UI's language; the English message stays in the log.
    expect(alert.textContent).toMatch(
      /could not reach its back end: The link to the PanDesk back end was lost/,
    );
    expect(alert.textContent).not.toMatch(/The window is closing/);
    expect(document.querySelector('[data-app-state="error"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(document.querySelector('[data-app-state="ready"]')).not.toBeNull());
  });
});

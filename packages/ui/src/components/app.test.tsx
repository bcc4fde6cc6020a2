import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { renderApp, rowNames } from '../testing/render-app';

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

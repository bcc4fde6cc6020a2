import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../testing/render-app';

afterEach(cleanup);

const rows = (): HTMLElement[] => screen.queryAllByTestId('transfer-row');
const states = (): string[] => rows().map((r) => r.dataset.state ?? '');
const panel = (): ReturnType<typeof within> => within(screen.getByTestId('transfers-panel'));

describe('transfers panel', () => {
  it('draws the pause button as an SVG icon with an accessible name, not a glyph many fonts lack', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.transfers.upload({
        localPaths: ['/data/a.bin'],
        remoteParentId: 0,
        conflict: 'keep_both',
      });
    });
    const pause = await panel().findByRole('button', { name: 'Pause a.bin' });
    expect(pause.textContent).toBe('');
    const svg = pause.querySelector('svg');
    expect(svg).not.toBeNull();
    expect(svg?.getAttribute('aria-hidden')).toBe('true');
    expect(pause.getAttribute('title')).toBe('Pause a.bin');
  });

  it('shows name, direction, progress, speed, time left and state, and acts per item', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.transfers.upload({
        localPaths: ['/data/a.bin', '/data/b.bin', '/data/c.bin'],
        remoteParentId: 0,
        conflict: 'keep_both',
      });
    });
    await waitFor(() => expect(states()).toEqual(['running', 'running', 'queued']));
    const first = [...bridge.queue.items.values()][0]!;
    act(() => bridge.queue.progress(first.id, 250, 2048));
    await waitFor(() => expect(rows()[0]!.querySelector('progress')?.getAttribute('value')).toBe('25'));
    const row = rows()[0]!;
    expect(row.textContent).toMatch(/a\.bin/);
    expect(row.textContent).toMatch(/2\.0 KB\/s/);
    expect(row.textContent).toMatch(/0:01 left/);
    expect(within(row).getByTestId('transfer-state').textContent).toBe('Uploading');
    expect(panel().getByRole('tab', { name: 'Active (3)' })).toBeTruthy();

    fireEvent.click(panel().getByRole('button', { name: 'Pause a.bin' }));
    await waitFor(() => expect(states()[0]).toBe('paused'));
    // The freed slot went to c.bin; resumed, a.bin waits in the queue and can jump ahead.
    await waitFor(() => expect(states()).toContain('paused'));
    fireEvent.click(panel().getByRole('button', { name: 'Resume a.bin' }));
    await waitFor(() => expect(bridge.queue.items.get(first.id)?.state).toBe('queued'));
    fireEvent.click(await panel().findByRole('button', { name: 'Move a.bin to the top' }));
    await waitFor(() => expect(bridge.queue.items.get(first.id)?.priority).toBeGreaterThan(0));
    fireEvent.click(panel().getByRole('button', { name: 'Cancel b.bin' }));
    await waitFor(() =>
      expect(
        rows()
          .map((r) => r.textContent)
          .join(),
      ).not.toMatch(/b\.bin/),
    );
  });

  it('pauses, resumes and cancels all; failed and completed views with retry and clear finished', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.transfers.upload({ localPaths: ['/a', '/b'], remoteParentId: 0, conflict: 'keep_both' });
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(panel().getByRole('button', { name: 'Pause all' }));
    await waitFor(() => expect(states()).toEqual(['paused', 'paused']));
    fireEvent.click(panel().getByRole('button', { name: 'Resume all' }));
    await waitFor(() => expect(states()).toEqual(['running', 'running']));
    const [a, b] = [...bridge.queue.items.values()];
    act(() =>
      bridge.queue.failItem(a!.id, {
        code: 'quota',
        reason: 'space_exhausted',
        message: 'No space left on the drive.',
        retryable: true,
      }),
    );
    act(() => bridge.queue.progress(b!.id, 1000));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(panel().getByText('No transfers here.')).toBeTruthy();

    fireEvent.click(panel().getByRole('tab', { name: 'Failed (1)' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0]!).getByTestId('transfer-state').textContent).toBe(
      'Failed: The cloud drive is full. Free some space (empty the recycle bin) or upgrade the account, then retry.',
    );
    fireEvent.click(panel().getByRole('button', { name: 'Retry all' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(bridge.queue.items.get(a!.id)?.state).toBe('running');

    fireEvent.click(panel().getByRole('tab', { name: 'Completed (1)' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(panel().getByRole('button', { name: 'Clear finished' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(bridge.queue.items.has(b!.id)).toBe(false);

    fireEvent.click(panel().getByRole('tab', { name: 'Active (1)' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(panel().getByRole('button', { name: 'Cancel all' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
  });

  it('"Clear finished" keeps failed transfers; "Clear failed" removes them', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.transfers.upload({ localPaths: ['/x', '/y'], remoteParentId: 0, conflict: 'keep_both' });
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [x, y] = [...bridge.queue.items.values()];
    act(() => bridge.queue.failItem(x!.id, { code: 'io', message: 'Disk error.', retryable: false }));
    act(() => bridge.queue.progress(y!.id, y!.size));
    fireEvent.click(await panel().findByRole('tab', { name: 'Failed (1)' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    const clearFinished = panel().getByRole('button', { name: 'Clear finished' });
    expect(clearFinished.getAttribute('title')).toMatch(/failed ones stay/);
    fireEvent.click(clearFinished);
    await waitFor(() => expect(bridge.queue.items.has(y!.id)).toBe(false));
    expect(rows()).toHaveLength(1);
    expect(bridge.queue.items.get(x!.id)?.state).toBe('failed');
    fireEvent.click(panel().getByRole('button', { name: 'Clear failed' }));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(bridge.queue.items.size).toBe(0);
  });

  it('collapses without blocking the file list', async () => {
    await renderApp();
    const toggle = panel().getByRole('button', { name: 'Hide transfers' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('file-grid')).toBeTruthy();
    fireEvent.click(panel().getByRole('button', { name: 'Show transfers' }));
    expect(panel().getByText('No transfers here.')).toBeTruthy();
  });

  it('virtualises a long queue', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.transfers.upload({
        localPaths: Array.from({ length: 3000 }, (_, i) => `/bulk/f${i}`),
        remoteParentId: 0,
        conflict: 'keep_both',
      });
    });
    await waitFor(() => expect(panel().getByRole('tab', { name: 'Active (3,000)' })).toBeTruthy());
    await waitFor(() => expect(rows().length).toBeGreaterThan(5));
    expect(rows().length).toBeLessThan(40);
  });
});

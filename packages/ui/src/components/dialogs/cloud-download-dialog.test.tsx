import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, rowNames } from '../../testing/render-app';
import { entryOf, rowOf } from '../../testing/cloud-test-kit';
import { checkUrls } from './cloud-download-dialog';

afterEach(cleanup);

describe('checkUrls', () => {
  it('takes one http(s) address per line, skips blanks and repeats, and names the bad lines', () => {
    expect(
      checkUrls('https://a.example/x.iso\n\n  http://b/y  \nhttps://a.example/x.iso\r\nftp://c/z\nnot a url'),
    ).toEqual({
      urls: ['https://a.example/x.iso', 'http://b/y'],
      badLines: [5, 6],
    });
  });
});

describe('Download from URL to cloud', () => {
  it('checks each address, submits into the folder shown and follows the task in the transfers panel', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.doubleClick(rowOf('Photos'));
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg']));
    fireEvent.click(screen.getByTestId('cloud-tasks-tab'));
    fireEvent.click(screen.getByTestId('cloud-download'));
    const dialog = await screen.findByTestId('cloud-download-dialog');
    const photos = entryOf(bridge, 'Photos');
    expect(within(dialog).getByRole('option', { name: 'Photos' }).getAttribute('aria-selected')).toBe('true');
    const urls = within(dialog).getByTestId('cloud-download-urls');
    fireEvent.change(urls, {
      target: { value: 'ftp://files.example/a.bin\nhttps://files.example/big%20set.iso' },
    });
    expect(within(dialog).getByTestId('cloud-download-problem').textContent).toBe(
      'Line 1 is not an http:// or https:// address.',
    );
    expect(within(dialog).getByTestId('cloud-download-submit')).toHaveProperty('disabled', true);
    fireEvent.change(urls, {
      target: {
        value:
          'https://files.example/big%20set.iso\nhttps://files.example/big%20set.iso\nhttp://mirror.example/b.zip',
      },
    });
    const submit = within(dialog).getByTestId('cloud-download-submit');
    expect(submit.textContent).toBe('Download 2 addresses');
    fireEvent.click(submit);
    await waitFor(() => expect(screen.queryByTestId('cloud-download-dialog')).toBeNull());
    expect(bridge.cloudFake.tasks.map((t) => [t.url, t.targetFolderId])).toEqual([
      ['https://files.example/big%20set.iso', photos.id],
      ['http://mirror.example/b.zip', photos.id],
    ]);

    // The transfers panel switched to the cloud tasks.
    const panel = screen.getByTestId('transfers-panel');
    expect(within(panel).getByTestId('cloud-tasks-tab').getAttribute('aria-selected')).toBe('true');
    expect(within(panel).getByTestId('cloud-tasks-tab').textContent).toBe('Cloud tasks (2)');
    const task = bridge.cloudFake.tasks[0]!;
    const row = (): HTMLElement =>
      within(panel)
        .getAllByTestId('cloud-task-row')
        .find((r) => r.getAttribute('data-id') === task.id)!;
    expect(row().textContent).toContain('big set.iso');
    bridge.cloudFake.progress(task.id, 42.5);
    await waitFor(() =>
      expect(within(row()).getByTestId('cloud-task-state').textContent).toBe('Fetching 42 %'),
    );
    bridge.cloudFake.finishDownload(task.id);
    await waitFor(() => expect(row().getAttribute('data-state')).toBe('completed'));
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg', 'big set.iso']));
    bridge.cloudFake.finishDownload(bridge.cloudFake.tasks[1]!.id, 'failed');
    await waitFor(() =>
      expect(within(panel).getAllByTestId('cloud-task-state')[0]?.textContent).toMatch(
        /^Failed: .*could not fetch/,
      ),
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Clear finished' }));
    await waitFor(() => expect(within(panel).getByText('No cloud downloads or copies yet.')).toBeTruthy());

    // Back to the transfer queue.
    fireEvent.click(within(panel).getByRole('tab', { name: /^Active/ }));
    expect(within(panel).getByTestId('cloud-tasks-tab').getAttribute('aria-selected')).toBe('false');
    expect(within(panel).queryByText('No cloud downloads or copies yet.')).toBeNull();
  });
});

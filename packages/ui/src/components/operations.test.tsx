import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, rowNames } from '../testing/render-app';

afterEach(cleanup);

const row = (name: string): HTMLElement => {
  const found = screen
    .getAllByTestId('file-row')
    .find((r) => r.querySelector('.pd-name')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

describe('file operations', () => {
  it('creates a folder, refusing bad and taken names inline', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await user.click(screen.getByTestId('new-folder'));
    const input = screen.getByTestId('new-folder-name');
    await user.clear(input);
    await user.type(input, 'a/b');
    expect(screen.getByRole('alert').textContent).toMatch(/cannot contain \//);
    expect(screen.getByRole('button', { name: 'Create' })).toHaveProperty('disabled', true);
    await user.clear(input);
    await user.type(input, 'Photos{Enter}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/already exists/));
    await user.clear(input);
    await user.type(input, 'Music{Enter}');
    await waitFor(() => expect(screen.queryByTestId('new-folder-dialog')).toBeNull());
    expect(rowNames()).toEqual(['Documents', 'Music', 'Photos', 'readme.md']);
    expect(bridge.calls.filter((c) => c === 'files.mkdir')).toHaveLength(2);
  });

  it('moves to the recycle bin after confirmation, restores, and deletes for good after confirmation', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(row('readme.md'));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'Delete' });
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(confirm.textContent).toMatch(/“readme.md” will be moved to the recycle bin/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rowNames()).toEqual(['Documents', 'Photos']));

    fireEvent.click(screen.getByRole('button', { name: /Recycle bin/ }));
    await waitFor(() => expect(rowNames()).toEqual(['readme.md']));
    fireEvent.click(row('readme.md'));
    fireEvent.click(screen.getByTestId('restore'));
    await waitFor(() => expect(screen.getByTestId('list-empty').textContent).toMatch(/recycle bin is empty/));
    expect([...bridge.drive.items.values()].find((i) => i.entry.name === 'readme.md')?.trashed).toBe(false);

    bridge.drive.trash([
      [...bridge.drive.items.values()].find((i) => i.entry.name === 'readme.md')!.entry.id,
    ]);
    fireEvent.click(screen.getByTestId('refresh'));
    await waitFor(() => expect(rowNames()).toEqual(['readme.md']));
    fireEvent.click(row('readme.md'));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'Delete' });
    const forever = await screen.findByTestId('confirm-dialog');
    expect(forever.textContent).toMatch(/deleted for good/);
    fireEvent.click(within(forever).getByRole('button', { name: 'Cancel' }));
    expect(bridge.calls).not.toContain('files.deleteForever');
    fireEvent.click(screen.getByTestId('delete-forever'));
    fireEvent.click(
      within(await screen.findByTestId('confirm-dialog')).getByRole('button', { name: 'Delete for good' }),
    );
    await waitFor(() => expect(screen.getByTestId('list-empty')).toBeTruthy());
    expect([...bridge.drive.items.values()].some((i) => i.entry.name === 'readme.md')).toBe(false);
  });

  it('reports a failed operation with what to do and retries it', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    bridge.failNext('files.trash', { code: 'rate_limited', message: 'Too many requests.', retryable: true });
    fireEvent.click(row('readme.md'));
    fireEvent.click(screen.getByTestId('delete'));
    fireEvent.click(
      within(await screen.findByTestId('confirm-dialog')).getByRole('button', { name: 'Delete' }),
    );
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toMatch(
      /Moving to the recycle bin failed: The service asked PanDesk to slow down\. Try again in a moment\./,
    );
    expect(toast.textContent).not.toMatch(/Too many requests/);
    fireEvent.click(within(toast).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowNames()).toEqual(['Documents', 'Photos']));
  });

  it('searches the drive and shows a listing error with retry', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await user.type(screen.getByTestId('search-input'), 'notes{Enter}');
    await waitFor(() => expect(rowNames()).toEqual(['notes.txt']));
    expect(screen.getByRole('navigation', { name: 'Location' }).textContent).toMatch(
      /Search results for “notes”/,
    );
    bridge.failNext('files.search', { code: 'network', message: 'Offline.', retryable: true });
    fireEvent.click(screen.getByTestId('refresh'));
    // The results stay, said to be possibly out of date, with the cause and a retry.
    const failed = await screen.findByTestId('list-refresh-failed');
    expect(failed.textContent).toMatch(/Could not refresh: The service could not be reached/);
    expect(rowNames()).toEqual(['notes.txt']);
    expect(screen.getByTestId('file-grid').dataset.stale).toBe('true');
    fireEvent.click(within(failed).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByTestId('list-refresh-failed')).toBeNull());
    expect(rowNames()).toEqual(['notes.txt']);
    expect(screen.getByTestId('file-grid').dataset.stale).toBeUndefined();
  });

  it('downloads the selection to the download folder and offers a context menu', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.contextMenu(row('readme.md'));
    const menu = screen.getByRole('menu');
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Download' }));
    await waitFor(() => expect(bridge.queue.items.size).toBe(1));
    expect([...bridge.queue.items.values()][0]?.localPath).toBe('/home/user/Downloads/readme.md');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(screen.getByTestId('save-to'));
    const dialog = await screen.findByTestId('path-dialog');
    const input = within(dialog).getByTestId('path-input');
    fireEvent.change(input, { target: { value: '/mnt/backup' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(bridge.queue.items.size).toBe(2));
    expect([...bridge.queue.items.values()][1]?.localPath).toBe('/mnt/backup/readme.md');
  });

  it('restores into a chosen folder when the original one is gone', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const docs = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Documents')!.entry;
    const notes = [...bridge.drive.items.values()].find((i) => i.entry.name === 'notes.txt')!.entry;
    bridge.drive.trash([notes.id]);
    bridge.drive.trash([docs.id]);
    bridge.drive.deleteForever([docs.id]);
    fireEvent.click(screen.getByRole('button', { name: /Recycle bin/ }));
    await waitFor(() => expect(rowNames()).toEqual(['notes.txt']));
    fireEvent.click(row('notes.txt'));
    fireEvent.click(screen.getByTestId('restore'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not go back.*Restore to…/);
    fireEvent.click(screen.getByTestId('restore-to'));
    const dialog = await screen.findByTestId('move-dialog');
    fireEvent.click(within(dialog).getByRole('option', { name: 'Photos' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore here' }));
    await waitFor(() => expect(screen.getByTestId('list-empty')).toBeTruthy());
    const photos = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Photos')!.entry;
    expect(bridge.drive.items.get(notes.id)?.entry.parentId).toBe(photos.id);
  });

  it('moves with cut and paste, and with the Move dialog', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(row('readme.md'));
    const grid = screen.getByTestId('file-grid');
    fireEvent.keyDown(grid, { key: 'x', ctrlKey: true });
    fireEvent.doubleClick(row('Photos'));
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg']));
    fireEvent.keyDown(grid, { key: 'v', ctrlKey: true });
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg', 'readme.md']));
    fireEvent.click(row('beach.jpg'));
    fireEvent.click(screen.getByTestId('move'));
    const dialog = await screen.findByTestId('move-dialog');
    fireEvent.click(within(dialog).getByRole('option', { name: 'Documents' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move here' }));
    await waitFor(() => expect(rowNames()).toEqual(['readme.md']));
    const docs = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Documents')!.entry;
    expect([...bridge.drive.items.values()].find((i) => i.entry.name === 'beach.jpg')?.entry.parentId).toBe(
      docs.id,
    );
  });
});

/**
 * Listing freshness, search, the chosen root folder and drag targets: what the user sees is
 * current or said not to be, search results say where they are, and impossible moves are not
 * offered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ListFolderInput } from '@pandesk/contract';
import { renderApp, rowNames } from '../testing/render-app';
import { createFakeBridge } from '../testing/fake-bridge';
import { createDragSession } from '../testing/drag-data';
import { entryId, fileRow, treeItem } from '../testing/queries';

afterEach(cleanup);

describe('refresh', () => {
  it('asks the service itself, shows progress, and on failure keeps the rows marked stale with retry', async () => {
    const bridge = createFakeBridge();
    const inputs: ListFolderInput[] = [];
    const list = bridge.files.list;
    let release: (() => void) | null = null;
    // Watches the renderer's calls on the client side of the link (the fake serves them behind it).
    (bridge.files as { list: typeof list }).list = async (input: ListFolderInput) => {
      inputs.push(input);
      if (input.fresh) await new Promise<void>((resolve) => (release = resolve));
      return list(input);
    };
    await renderApp({ bridge });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    bridge.failNext('files.list', {
      code: 'network',
      reason: 'service_unavailable',
      message: 'file.list: HTTP 502',
      retryable: true,
      detail: { httpStatus: 502 },
    });
    fireEvent.click(screen.getByTestId('refresh'));
    await waitFor(() => expect(screen.getByTestId('list-refreshing').textContent).toMatch(/Refreshing/));
    expect(screen.getByTestId('refresh').getAttribute('aria-busy')).toBe('true');
    expect(inputs.at(-1)).toEqual({ folderId: 0, fresh: true });
    act(() => release?.());
    const failed = await screen.findByTestId('list-refresh-failed');
    expect(failed.textContent).toMatch(/^Could not refresh: 123 Cloud Drive answered with a server error/);
    expect(failed.textContent).toMatch(/Showing the contents listed at/);
    expect(rowNames()).toHaveLength(3);
    expect(screen.getByTestId('file-grid').dataset.stale).toBe('true');
    const retry = within(failed).getByRole('button', { name: 'Retry' });
    fireEvent.click(retry);
    act(() => release?.());
    await waitFor(() => expect(screen.queryByTestId('list-refresh-failed')).toBeNull());
    expect(screen.getByTestId('file-grid').dataset.stale).toBeUndefined();
  });

  it('leaves nothing of the previous drive on screen once signed out', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    act(() =>
      bridge.setAuth({
        state: 'auth_required',
        problem: 'rejected',
        message: 'The 123pan service did not accept the credentials.',
        reason: 'credentials_rejected',
      }),
    );
    await waitFor(() => expect(rowNames()).toEqual([]));
    expect(screen.queryAllByTestId('tree-item')).toEqual([]);
    expect(screen.getByTestId('list-signed-out').textContent).toBe('Sign in to see your files.');
    expect(screen.getByTestId('auth-banner').textContent).toMatch(/did not accept the credentials/);
  });

  it('keeps saying to sign in when Refresh is pressed while signed out', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    act(() =>
      bridge.setAuth({
        state: 'auth_required',
        problem: 'rejected',
        message: 'The 123pan service no longer accepts the saved sign-in.',
        reason: 'auth_lost',
      }),
    );
    await waitFor(() => expect(screen.getByTestId('list-signed-out')).toBeTruthy());
    bridge.failNext('files.list', {
      code: 'auth_required',
      reason: 'auth_lost',
      message: 'The 123pan service no longer accepts the saved sign-in.',
      retryable: false,
    });
    fireEvent.click(screen.getByTestId('refresh'));
    await waitFor(() => expect(screen.queryByTestId('list-loading')).toBeNull());
    expect(screen.queryByTestId('list-error')).toBeNull();
    expect(screen.getByTestId('list-signed-out').textContent).toBe('Sign in to see your files.');
  });
});

describe('search', () => {
  it('says where each result is, opens its folder with it selected, and closes on Escape or an empty box', async () => {
    const user = userEvent.setup();
    await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.doubleClick(fileRow('Photos'));
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg']));
    const box = screen.getByTestId('search-input');
    await user.type(box, 'notes{Enter}');
    await waitFor(() => expect(rowNames()).toEqual(['notes.txt']));
    expect(screen.getByRole('columnheader', { name: 'Location' })).toBeTruthy();
    expect(within(fileRow('notes.txt')).getByTestId('file-location').textContent).toBe(
      'My drive › Documents',
    );
    // Double-click a file found: its folder opens with it selected.
    fireEvent.doubleClick(fileRow('notes.txt'));
    await waitFor(() => expect(rowNames()).toEqual(['Reports', 'notes.txt']));
    expect(fileRow('notes.txt').getAttribute('aria-selected')).toBe('true');
    // Escape in the box leaves the results for where the user was.
    await user.clear(box);
    await user.type(box, 'beach{Enter}');
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg']));
    expect(screen.getByRole('navigation', { name: 'Location' }).textContent).toMatch(/Search results/);
    await user.type(box, '{Escape}');
    await waitFor(() =>
      expect(screen.getByRole('navigation', { name: 'Location' }).textContent).not.toMatch(/Search results/),
    );
    expect((box as HTMLInputElement).value).toBe('');
    // Emptying the box does the same.
    await user.type(box, 'readme{Enter}');
    await waitFor(() => expect(rowNames()).toEqual(['readme.md']));
    await user.clear(box);
    await waitFor(() => expect(rowNames()).toEqual(['Reports', 'notes.txt']));
  });

  it('finds only what is inside the root folder', async () => {
    const user = userEvent.setup();
    const bridge = createFakeBridge();
    const docs = entryId(bridge, 'Documents');
    await bridge.settings.setConnection({ rootFolderId: docs });
    await renderApp({ bridge });
    await waitFor(() => expect(rowNames()).toEqual(['Reports', 'notes.txt']));
    await user.type(screen.getByTestId('search-input'), 'e{Enter}');
    await waitFor(() => expect(rowNames()).toEqual(['Reports', 'notes.txt']));
    expect(rowNames()).not.toContain('readme.md');
    expect(rowNames()).not.toContain('beach.jpg');
  });
});

describe('a chosen root folder', () => {
  it('is named by its own name in the tree and the breadcrumbs', async () => {
    const bridge = createFakeBridge();
    await bridge.settings.setConnection({ rootFolderId: entryId(bridge, 'Documents') });
    await renderApp({ bridge });
    await waitFor(() => expect(screen.getAllByTestId('tree-item')[0]?.textContent).toMatch(/^.?Documents/));
    const crumbs = screen.getByRole('navigation', { name: 'Location' });
    await waitFor(() => expect(crumbs.textContent).toBe('Documents'));
    expect(screen.getAllByTestId('tree-item')[0]?.textContent).not.toMatch(/My drive/);
  });
});

describe('drag targets', () => {
  it('does not offer a folder’s own subfolder as a place to move it', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(fileRow('Documents'));
    // Opening Documents in the tree makes its subfolder Reports a visible drop target.
    fireEvent.click(within(treeItem('Documents')).getByTitle('Expand'));
    await waitFor(() =>
      expect(screen.getAllByTestId('tree-item').map((t) => t.textContent)).toContain('Reports'),
    );
    const drag = createDragSession();
    fireEvent.dragStart(fileRow('Documents'), { dataTransfer: drag.event() });
    fireEvent.dragOver(treeItem('Reports'), { dataTransfer: drag.event() });
    expect(treeItem('Reports').className).not.toMatch(/is-drop-target/);
    fireEvent.drop(treeItem('Reports'), { dataTransfer: drag.event() });
    // A folder next to it is still a target.
    fireEvent.dragOver(treeItem('Photos'), { dataTransfer: drag.event() });
    expect(treeItem('Photos').className).toMatch(/is-drop-target/);
    expect(bridge.calls).not.toContain('files.move');
  });
});

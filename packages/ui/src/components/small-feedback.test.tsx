/**
 * The smaller things a polished file manager gets right: leaf folders without arrows, a tree
 * context menu, the Move dialog's words and arrows, focus after a menu action, pasting where the
 * items already are, toasts clear of the transfers panel, local places that answer a click.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, rowNames } from '../testing/render-app';
import { fileRow, treeItem } from '../testing/queries';

afterEach(cleanup);

describe('folder tree', () => {
  it('shows no expand arrow on a folder without subfolders, before anyone opens it', async () => {
    await renderApp();
    await waitFor(() => expect(treeItem('Photos').getAttribute('aria-expanded')).toBeNull());
    expect(treeItem('Photos').querySelector('.pd-twisty')?.textContent).toBe('');
    expect(treeItem('Documents').getAttribute('aria-expanded')).toBe('false');
    expect(treeItem('Documents').querySelector('.pd-twisty')?.textContent).toBe('▸');
  });

  it('has a context menu for its folders', async () => {
    await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.contextMenu(treeItem('Documents'));
    const menu = screen.getByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((b) => b.textContent),
    ).toEqual(['Open', 'New folder', 'Refresh', 'Move', 'Delete']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Open' }));
    await waitFor(() => expect(rowNames()).toEqual(['Reports', 'notes.txt']));
  });
});

describe('move dialog', () => {
  it('counts in words, shows arrows, and offers neither the folder nor anything inside it', async () => {
    await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(fileRow('Documents'));
    fireEvent.click(screen.getByTestId('move'));
    const dialog = screen.getByTestId('move-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Move 1 item to…');
    const targets = (): string[] =>
      within(dialog)
        .getAllByTestId('move-target')
        .map((o) => o.textContent ?? '');
    await waitFor(() => expect(targets()).toEqual(['▾My drive', 'Photos']));
  });
});

describe('after a context-menu action', () => {
  it('gives the keyboard back to the file list', async () => {
    await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.contextMenu(fileRow('readme.md'));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Download' }));
    expect(document.activeElement).toBe(screen.getByTestId('file-grid'));
    fireEvent.contextMenu(fileRow('readme.md'));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Delete' }));
    fireEvent.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByTestId('file-grid'));
  });
});

describe('paste', () => {
  it('into the folder the items are already in moves nothing and says so', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(fileRow('readme.md'));
    const grid = screen.getByTestId('file-grid');
    fireEvent.keyDown(grid, { key: 'x', ctrlKey: true });
    fireEvent.keyDown(grid, { key: 'v', ctrlKey: true });
    await waitFor(() =>
      expect(screen.getAllByTestId('toast').map((t) => t.textContent)).toContainEqual(
        expect.stringMatching(/“readme\.md” is already in this folder; nothing was moved\./),
      ),
    );
    expect(bridge.calls).not.toContain('files.move');
  });
});

describe('toasts', () => {
  it('sit over the file area, not over the transfers panel', async () => {
    await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(fileRow('readme.md'));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'x', ctrlKey: true });
    const toast = await screen.findByTestId('toast');
    expect(toast.closest('.pd-main')).not.toBeNull();
    expect(toast.closest('[data-testid="transfers-panel"]')).toBeNull();
  });
});

describe('local places', () => {
  it('says where a place is in a browser, where no file manager can be opened', async () => {
    await renderApp();
    fireEvent.click(screen.getAllByTestId('place-open')[0]!);
    expect((await screen.findByTestId('toast')).textContent).toMatch(
      /Downloads is the folder \/home\/user\/Downloads on the computer running PanDesk\./,
    );
  });

  it('opens the folder in the system file manager on the desktop', async () => {
    const { bridge } = await renderApp({ host: 'desktop' });
    fireEvent.click(screen.getAllByTestId('place-open')[1]!);
    await waitFor(() => expect(bridge.calls).toContain('app.revealInFolder'));
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, rowNames } from '../testing/render-app';
import { entryOf, rowOf } from '../testing/cloud-test-kit';

afterEach(cleanup);

const grid = (): HTMLElement => screen.getByTestId('file-grid');

describe('copy and paste', () => {
  it('Ctrl+C then Ctrl+V copies files and folders into the folder shown, and the sources stay', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(rowOf('readme.md'));
    fireEvent.click(rowOf('Photos'), { ctrlKey: true });
    fireEvent.keyDown(grid(), { key: 'c', ctrlKey: true });
    expect(await screen.findByText(/2 items copied/)).toBeTruthy();
    fireEvent.doubleClick(rowOf('Documents'));
    await waitFor(() => expect(rowNames()).toEqual(['Reports', 'notes.txt']));
    fireEvent.keyDown(grid(), { key: 'v', ctrlKey: true });
    await waitFor(() => expect(rowNames()).toEqual(['Photos', 'Reports', 'notes.txt', 'readme.md']));
    expect(bridge.calls.filter((c) => c === 'files.copy')).toHaveLength(1);
    expect(bridge.calls).not.toContain('files.move');
    const docs = entryOf(bridge, 'Documents');
    const copiedPhotos = [...bridge.drive.items.values()].find(
      (i) => i.entry.name === 'Photos' && i.entry.parentId === docs.id,
    )!;
    expect(
      [...bridge.drive.items.values()].some(
        (i) => i.entry.name === 'beach.jpg' && i.entry.parentId === copiedPhotos.entry.id,
      ),
    ).toBe(true);
    // The originals are still at the root, and the copy is a task in the transfers panel.
    expect(entryOf(bridge, 'readme.md').parentId).toBe(0);
    const panel = screen.getByTestId('transfers-panel');
    await waitFor(() =>
      expect(within(panel).getByTestId('cloud-task-row').getAttribute('data-kind')).toBe('copy'),
    );
    expect(within(panel).getByTestId('cloud-task-state').textContent).toBe(
      'Done (2 copied, 0 skipped, 0 failed)',
    );
    // Not into a folder being copied.
    fireEvent.click(screen.getByRole('button', { name: 'Up' }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.doubleClick(rowOf('Photos'));
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg']));
    fireEvent.keyDown(grid(), { key: 'v', ctrlKey: true });
    expect(await screen.findByText('A folder cannot be copied into itself.')).toBeTruthy();
    expect(bridge.calls.filter((c) => c === 'files.copy')).toHaveLength(1);
    // The copy can be pasted again: into the sources' own folder it makes second copies.
    fireEvent.click(screen.getByRole('button', { name: 'Up' }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.keyDown(grid(), { key: 'v', ctrlKey: true });
    await waitFor(() =>
      expect([...rowNames()].sort()).toEqual([
        'Documents',
        'Photos',
        'Photos(1)',
        'readme(1).md',
        'readme.md',
      ]),
    );
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();
  });

  it('asks the conflict question once when names clash, and sends the answer', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const docs = entryOf(bridge, 'Documents');
    bridge.drive.add({ name: 'readme.md', parentId: docs.id, size: 1 });
    bridge.drive.add({ name: 'Photos', parentId: docs.id, kind: 'folder' });
    fireEvent.click(rowOf('readme.md'));
    fireEvent.click(rowOf('Photos'), { ctrlKey: true });
    fireEvent.contextMenu(rowOf('Photos'));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Copy' }));
    fireEvent.doubleClick(rowOf('Documents'));
    await waitFor(() => expect(rowNames()).toHaveLength(4));
    fireEvent.keyDown(grid(), { key: 'v', ctrlKey: true });
    const dialog = await screen.findByTestId('conflict-dialog');
    expect(dialog.textContent).toMatch(/2 names already exist/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Overwrite' }));
    await waitFor(() => expect(bridge.calls).toContain('files.copy'));
    expect(screen.queryAllByTestId('conflict-dialog')).toHaveLength(0);
    await waitFor(() =>
      expect(screen.getByTestId('cloud-task-state').textContent).toBe('Done (2 copied, 0 skipped, 0 failed)'),
    );
    // The replaced items went to the recycle bin.
    expect(
      [...bridge.drive.items.values()]
        .filter((i) => i.trashed)
        .map((i) => i.entry.name)
        .sort(),
    ).toEqual(['Photos', 'readme.md']);
  });

  it('cancelling the conflict question copies nothing; pasting into the own folder does not ask', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const docs = entryOf(bridge, 'Documents');
    bridge.drive.add({ name: 'readme.md', parentId: docs.id, size: 1 });
    fireEvent.click(rowOf('readme.md'));
    fireEvent.keyDown(grid(), { key: 'c', ctrlKey: true });
    fireEvent.keyDown(grid(), { key: 'v', ctrlKey: true });
    await waitFor(() =>
      expect([...rowNames()].sort()).toEqual(['Documents', 'Photos', 'readme(1).md', 'readme.md']),
    );
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();

    fireEvent.doubleClick(rowOf('Documents'));
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.keyDown(grid(), { key: 'v', ctrlKey: true });
    const dialog = await screen.findByTestId('conflict-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('conflict-dialog')).toBeNull());
    expect(bridge.calls.filter((c) => c === 'files.copy')).toHaveLength(1);
  });

  it('Ctrl+X still moves: cut replaces what was copied', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(rowOf('readme.md'));
    fireEvent.keyDown(grid(), { key: 'c', ctrlKey: true });
    fireEvent.keyDown(grid(), { key: 'x', ctrlKey: true });
    fireEvent.doubleClick(rowOf('Photos'));
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg']));
    fireEvent.keyDown(grid(), { key: 'v', ctrlKey: true });
    await waitFor(() => expect(rowNames()).toEqual(['beach.jpg', 'readme.md']));
    expect(bridge.calls).toContain('files.move');
    expect(bridge.calls).not.toContain('files.copy');
  });
});

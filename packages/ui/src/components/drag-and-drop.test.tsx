import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, rowNames } from '../testing/render-app';
import { createDragSession, osFileDrop } from '../testing/drag-data';
import { INTERNAL_MIME } from '../lib/dnd';

afterEach(cleanup);

const row = (name: string): HTMLElement => {
  const found = screen
    .getAllByTestId('file-row')
    .find((r) => r.querySelector('.pd-name')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
const treeItem = (name: string): HTMLElement => {
  const found = screen
    .getAllByTestId('tree-item')
    .find((r) => r.querySelector('.pd-tree-name')?.textContent === name);
  if (!found) throw new Error(`no tree item ${name}`);
  return found;
};
const file = (name: string): File => new File(['x'], name, { type: 'application/octet-stream' });

describe('drag and drop', () => {
  it('uploads OS files dropped on the list background into the current folder', async () => {
    const { bridge, host } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const list = screen.getByTestId('file-grid').parentElement!;
    fireEvent.dragEnter(list, { dataTransfer: osFileDrop([file('a.txt')]) });
    expect(list.className).toMatch(/is-drop-target/);
    fireEvent.drop(list, { dataTransfer: osFileDrop([file('a.txt'), file('b.txt')]) });
    await waitFor(() => expect(bridge.queue.items.size).toBe(2));
    expect(host.staged[0]?.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    const items = [...bridge.queue.items.values()];
    expect(items.map((i) => [i.localPath, i.remoteParentId, i.conflict])).toEqual([
      ['/staging/a.txt', 0, 'keep_both'],
      ['/staging/b.txt', 0, 'keep_both'],
    ]);
    expect(list.className).not.toMatch(/is-drop-target/);
  });

  it('uploads into a folder row or a tree node dropped on, not the current folder', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const docs = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Documents')!.entry;
    const photos = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Photos')!.entry;
    fireEvent.dragOver(row('Documents'), { dataTransfer: osFileDrop([]) });
    expect(row('Documents').className).toMatch(/is-drop-target/);
    fireEvent.drop(row('Documents'), { dataTransfer: osFileDrop([file('in-docs.txt')]) });
    await waitFor(() => expect(bridge.queue.items.size).toBe(1));
    fireEvent.drop(treeItem('Photos'), { dataTransfer: osFileDrop([file('in-photos.txt')]) });
    await waitFor(() => expect(bridge.queue.items.size).toBe(2));
    expect([...bridge.queue.items.values()].map((i) => i.remoteParentId)).toEqual([docs.id, photos.id]);
  });

  it('asks the conflict question once per batch and remembers the answer when told to', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const list = screen.getByTestId('file-grid').parentElement!;
    fireEvent.drop(list, {
      dataTransfer: osFileDrop([file('readme.md'), file('Photos'), file('fresh.txt')]),
    });
    const dialog = await screen.findByTestId('conflict-dialog');
    expect(dialog.textContent).toMatch(/2 names already exist/);
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Overwrite' }));
    await waitFor(() => expect(bridge.queue.items.size).toBe(3));
    expect(new Set([...bridge.queue.items.values()].map((i) => i.conflict))).toEqual(new Set(['overwrite']));
    await waitFor(() => expect(bridge.calls).toContain('settings.update'));
    fireEvent.drop(list, { dataTransfer: osFileDrop([file('readme.md')]) });
    await waitFor(() => expect(bridge.queue.items.size).toBe(4));
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();
  });

  it('uploads nothing when the conflict dialog is cancelled', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const list = screen.getByTestId('file-grid').parentElement!;
    fireEvent.drop(list, { dataTransfer: osFileDrop([file('readme.md')]) });
    const dialog = await screen.findByTestId('conflict-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('conflict-dialog')).toBeNull());
    expect(bridge.calls).not.toContain('transfers.upload');
  });

  it('moves dragged rows onto another folder, with the internal MIME type only', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const drag = createDragSession();
    fireEvent.dragStart(row('readme.md'), { dataTransfer: drag.event() });
    expect(drag.data.has(INTERNAL_MIME)).toBe(true);
    // The folder being dragged over lights up; a row cannot be dropped on itself.
    fireEvent.dragOver(row('Documents'), { dataTransfer: drag.event() });
    expect(row('Documents').className).toMatch(/is-drop-target/);
    fireEvent.dragOver(row('readme.md'), { dataTransfer: drag.event() });
    expect(row('readme.md').className).not.toMatch(/is-drop-target/);
    fireEvent.drop(row('Documents'), { dataTransfer: drag.event() });
    await waitFor(() => expect(rowNames()).toEqual(['Documents', 'Photos']));
    const readme = [...bridge.drive.items.values()].find((i) => i.entry.name === 'readme.md')!.entry;
    const docs = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Documents')!.entry;
    expect(readme.parentId).toBe(docs.id);
    expect(bridge.calls).not.toContain('transfers.upload');
  });

  it('moves a multi-selection onto a tree folder', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(row('Documents'));
    fireEvent.click(row('readme.md'), { ctrlKey: true });
    const drag = createDragSession();
    fireEvent.dragStart(row('readme.md'), { dataTransfer: drag.event() });
    fireEvent.dragOver(treeItem('Photos'), { dataTransfer: drag.event() });
    expect(treeItem('Photos').className).toMatch(/is-drop-target/);
    fireEvent.drop(treeItem('Photos'), { dataTransfer: drag.event() });
    await waitFor(() => expect(rowNames()).toEqual(['Photos']));
    const photos = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Photos')!.entry;
    expect(bridge.drive.list(photos.id).ok && bridge.drive.list(photos.id)).toMatchObject({
      value: {
        items: expect.arrayContaining([
          expect.objectContaining({ name: 'Documents' }),
          expect.objectContaining({ name: 'readme.md' }),
        ]),
      },
    });
  });

  it('downloads items dropped on a local place into that folder', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    const drag = createDragSession();
    fireEvent.dragStart(row('readme.md'), { dataTransfer: drag.event() });
    const desktop = screen.getAllByTestId('place').find((p) => p.dataset.placeId === 'desktop')!;
    fireEvent.dragOver(desktop, { dataTransfer: drag.event() });
    expect(desktop.className).toMatch(/is-drop-target/);
    fireEvent.drop(desktop, { dataTransfer: drag.event() });
    await waitFor(() => expect(bridge.queue.items.size).toBe(1));
    const item = [...bridge.queue.items.values()][0]!;
    expect([item.direction, item.localPath, item.name]).toEqual([
      'download',
      '/home/user/Desktop/readme.md',
      'readme.md',
    ]);
    // OS files are not accepted by a place.
    fireEvent.dragOver(desktop, { dataTransfer: osFileDrop([file('x')]) });
    fireEvent.drop(desktop, { dataTransfer: osFileDrop([file('x')]) });
    expect(bridge.calls).not.toContain('transfers.upload');
  });
});

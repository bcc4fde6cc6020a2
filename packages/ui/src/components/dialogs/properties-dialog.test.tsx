import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeBridge } from '../../testing/fake-bridge';
import { renderApp } from '../../testing/render-app';

afterEach(cleanup);

const row = (name: string): HTMLElement => {
  const found = screen
    .getAllByTestId('file-row')
    .find((r) => r.querySelector('.pd-name')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
const field = (id: string): string => screen.getByTestId(`properties-${id}`).textContent ?? '';

describe('properties dialog', () => {
  it('shows name, type, exact size, path from the root, MD5 and ID of a file (Alt+Enter)', async () => {
    const bridge = createFakeBridge({ seed: false });
    const work = bridge.drive.add({ name: 'Work', parentId: 0, kind: 'folder' });
    const year = bridge.drive.add({ name: '2025', parentId: work.id, kind: 'folder' });
    const file = bridge.drive.add({ name: 'report.pdf', parentId: year.id, size: 1_572_864 });
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    bridge.drive.items.set(file.id, { entry: { ...file, md5 }, trashed: false });
    await renderApp({ bridge });
    // Opened straight into the inner folder: its parents are learnt through files.detail.
    await userEvent.dblClick(row('Work'));
    await waitFor(() => row('2025'));
    await userEvent.dblClick(row('2025'));
    await waitFor(() => row('report.pdf'));
    await userEvent.click(row('report.pdf'));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'Enter', altKey: true });
    const dialog = await screen.findByTestId('properties-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Properties of “report.pdf”');
    expect(field('name')).toBe('report.pdf');
    expect(field('type')).toBe('PDF document (PDF)');
    expect(field('size')).toBe('1.5 MB (1,572,864 bytes)');
    expect(field('md5')).toBe(md5);
    expect(field('id')).toBe(String(file.id));
    await waitFor(() => expect(field('path')).toBe('My drive / Work / 2025 / report.pdf'));
  });

  it('shows the path of a search result', async () => {
    const bridge = createFakeBridge({ seed: false });
    const a = bridge.drive.add({ name: 'A', parentId: 0, kind: 'folder' });
    const b = bridge.drive.add({ name: 'B', parentId: a.id, kind: 'folder' });
    const file = bridge.drive.add({ name: 'deep.txt', parentId: b.id, size: 10 });
    await renderApp({ bridge });
    // Search answers an entry whose folders were never listed.
    await userEvent.type(screen.getByTestId('search-input'), 'deep{Enter}');
    await waitFor(() => row('deep.txt'));
    fireEvent.contextMenu(row('deep.txt'));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Properties' }));
    await waitFor(() => expect(field('path')).toBe('My drive / A / B / deep.txt'));
    // Search answers the folders on the way, so no folder needs files.detail here.
    expect(bridge.calls.filter((c) => c === 'files.detail').length).toBeLessThanOrEqual(1);
    expect(field('id')).toBe(String(file.id));
  });

  it('sums a selection, folders by their contents, and counts a folder on demand', async () => {
    const bridge = createFakeBridge({ seed: false, pageSize: 3 });
    const folder = bridge.drive.add({ name: 'Box', parentId: 0, kind: 'folder' });
    bridge.drive.addMany(folder.id, 7);
    bridge.drive.add({ name: 'Inner', parentId: folder.id, kind: 'folder' });
    bridge.drive.add({ name: 'one.bin', parentId: 0, size: 1000 });
    await renderApp({ bridge });
    // Like the service, detail reports a folder's size as the total of its contents.
    const folderBytes = [...bridge.drive.items.values()]
      .filter((i) => i.entry.parentId === folder.id && i.entry.kind === 'file')
      .reduce((s, i) => s + i.entry.size, 0);
    fireEvent.click(row('Box'));
    fireEvent.click(row('one.bin'), { ctrlKey: true });
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'Enter', altKey: true });
    await screen.findByTestId('properties-dialog');
    expect(field('items')).toBe('1 files, 1 folders');
    await waitFor(() =>
      expect(field('size')).toContain(`${(folderBytes + 1000).toLocaleString('en')} bytes`),
    );
    fireEvent.keyDown(screen.getByTestId('properties-dialog'), { key: 'Escape' });

    fireEvent.click(row('Box'));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'Enter', altKey: true });
    await screen.findByTestId('properties-dialog');
    expect(bridge.calls.filter((c) => c === 'files.listMore')).toHaveLength(0);
    await userEvent.click(screen.getByTestId('properties-count'));
    // 8 children over pages of 3: every page is read.
    await waitFor(() => expect(field('contents')).toBe('7 files, 1 folders'));
  });
});

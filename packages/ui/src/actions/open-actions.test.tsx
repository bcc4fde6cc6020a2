import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeBridge } from '../testing/fake-bridge';
import { createTestHost, renderApp } from '../testing/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const row = (name: string): HTMLElement => {
  const found = screen
    .getAllByTestId('file-row')
    .find((r) => r.querySelector('.pd-name')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
const openCalls = (calls: string[]): number => calls.filter((c) => c === 'app.openFile').length;

describe('opening files on the desktop', () => {
  it('double-click, Enter and the menu open a file with its application; a folder opens in the list', async () => {
    const bridge = createFakeBridge({ host: 'desktop' });
    await renderApp({ bridge, adapter: createTestHost({ kind: 'electron' }) });
    fireEvent.doubleClick(row('readme.md'));
    await waitFor(() => expect(openCalls(bridge.calls)).toBe(1));

    fireEvent.click(row('readme.md'));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'Enter' });
    await waitFor(() => expect(openCalls(bridge.calls)).toBe(2));

    fireEvent.contextMenu(row('readme.md'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Open' }));
    await waitFor(() => expect(openCalls(bridge.calls)).toBe(3));

    fireEvent.doubleClick(row('Documents'));
    await waitFor(() => expect(row('notes.txt')).toBeTruthy());
    expect(openCalls(bridge.calls)).toBe(3);
  });

  it('says why a file could not be opened', async () => {
    const bridge = createFakeBridge({ host: 'desktop' });
    await renderApp({ bridge, adapter: createTestHost({ kind: 'electron' }) });
    bridge.failNext('app.openFile', { code: 'io', message: 'The disk is full.' });
    fireEvent.doubleClick(row('readme.md'));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toContain('Opening');
    expect(toast.textContent).toContain('A local disk operation failed');
  });

  it('offers Open and Show in folder on finished downloads', async () => {
    const bridge = createFakeBridge({ host: 'desktop' });
    await renderApp({ bridge, adapter: createTestHost({ kind: 'electron' }) });
    await act(async () => {
      await bridge.transfers.download({
        sources: [{ fileId: 1, name: 'song.mp3', type: 'file', size: 100 }],
        localDir: '/home/user/Downloads',
        conflict: 'keep_both',
      });
    });
    const item = [...bridge.queue.items.values()][0]!;
    const panel = within(screen.getByTestId('transfers-panel'));
    expect(panel.queryByRole('button', { name: 'Open song.mp3' })).toBeNull();
    act(() => bridge.queue.progress(item.id, 100));
    fireEvent.click(await panel.findByRole('tab', { name: /Completed/ }));
    fireEvent.click(await panel.findByRole('button', { name: 'Open song.mp3' }));
    fireEvent.click(panel.getByRole('button', { name: 'Show song.mp3 in its folder' }));
    await waitFor(() => expect(bridge.calls.filter((c) => c === 'app.openDownload')).toHaveLength(2));
  });
});

describe('opening files in the browser host', () => {
  it('opens a tab at once and points it at an inline link, cut off from the app', async () => {
    const tab = { opener: {} as unknown, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const bridge = createFakeBridge();
    await renderApp({ bridge, adapter: createTestHost({ browserDownloads: true }) });
    fireEvent.doubleClick(row('readme.md'));
    expect(open).toHaveBeenCalledWith('', '_blank');
    await waitFor(() => expect(tab.location.href).toMatch(/\/api\/dl\/t\d+-\d+-inline$/));
    expect(tab.opener).toBeNull();
    expect(bridge.calls).not.toContain('app.openFile');
  });

  it('saves a type a tab cannot show, without opening an empty tab', async () => {
    const open = vi.spyOn(window, 'open');
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href') ?? '');
    });
    const bridge = createFakeBridge({ seed: false });
    bridge.drive.add({ name: 'page.html', parentId: 0 });
    await renderApp({ bridge, adapter: createTestHost({ browserDownloads: true }) });
    fireEvent.doubleClick(row('page.html'));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]).toMatch(/^\/api\/dl\/t\d+-\d+$/);
    expect(open).not.toHaveBeenCalled();
  });

  it('says so when the browser blocks the tab, and offers no Open on finished downloads', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const bridge = createFakeBridge();
    await renderApp({ bridge, adapter: createTestHost({ browserDownloads: true }) });
    fireEvent.doubleClick(row('readme.md'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/blocked the new tab for “readme.md”/);
    expect(bridge.calls).not.toContain('app.downloadLink');

    await act(async () => {
      await bridge.transfers.download({
        sources: [{ fileId: 1, name: 'song.mp3', type: 'file', size: 100 }],
        localDir: '/srv/downloads',
        conflict: 'keep_both',
      });
    });
    const item = [...bridge.queue.items.values()][0]!;
    act(() => bridge.queue.progress(item.id, 100));
    const panel = within(screen.getByTestId('transfers-panel'));
    fireEvent.click(await panel.findByRole('tab', { name: /Completed \(1\)/ }));
    await waitFor(() => expect(panel.getAllByTestId('transfer-row')).toHaveLength(1));
    expect(panel.queryByRole('button', { name: 'Open song.mp3' })).toBeNull();
    expect(panel.queryByRole('button', { name: 'Show song.mp3 in its folder' })).toBeNull();
  });
});

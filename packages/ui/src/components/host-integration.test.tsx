import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createTestHost, renderApp, rowNames } from '../testing/render-app';
import { createDragSession } from '../testing/drag-data';
import { createFakeBridge } from '../testing/fake-bridge';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const row = (name: string): HTMLElement =>
  screen.getAllByTestId('file-row').find((r) => r.querySelector('.pd-name')?.textContent === name)!;

describe('host integration', () => {
  it('desktop: uploads and saves through native dialogs', async () => {
    const { bridge } = await renderApp({ host: 'desktop' });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('upload-files'));
    await waitFor(() => expect(bridge.queue.items.size).toBe(1));
    expect([...bridge.queue.items.values()][0]?.localPath).toBe('/home/user/picked.bin');
    fireEvent.click(row('readme.md'));
    fireEvent.click(screen.getByTestId('save-to'));
    await waitFor(() => expect(bridge.queue.items.size).toBe(2));
    expect([...bridge.queue.items.values()][1]?.localPath).toBe('/home/user/Chosen/readme.md');
  });

  it('web: uploads picked files, lets the browser save files itself, and offers DownloadURL on drag', async () => {
    const picked: string[] = [];
    const host = createTestHost({
      pickForUpload: async (mode) => {
        picked.push(mode);
        return ['/staging/dir'];
      },
      browserDownloads: true,
    });
    const { bridge } = await renderApp({ adapter: host });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(screen.getByTestId('upload-folder'));
    await waitFor(() => expect(bridge.queue.items.size).toBe(1));
    expect(picked).toEqual(['folder']);
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(`${this.getAttribute('href')} ${this.download}`);
    });
    fireEvent.click(row('readme.md'));
    fireEvent.click(screen.getByTestId('save-to'));
    const readme = [...bridge.drive.items.values()].find((i) => i.entry.name === 'readme.md')!.entry;
    await waitFor(() => expect(clicks).toEqual([`/api/dl/t1-${readme.id} readme.md`]));
    // Pressing the row readies a single-use link; the drag takes it.
    fireEvent.pointerDown(row('readme.md'));
    await waitFor(() => expect(bridge.calls.filter((c) => c === 'app.downloadLink')).toHaveLength(2));
    await act(async () => undefined);
    const drag = createDragSession();
    fireEvent.dragStart(row('readme.md'), { dataTransfer: drag.event() });
    expect(drag.data.get('DownloadURL')).toMatch(
      new RegExp(`^application/octet-stream:readme.md:http://[^/]+/api/dl/t2-${readme.id}$`),
    );
    // Used up: a second drag without pressing the row again carries no link.
    const second = createDragSession();
    fireEvent.dragStart(row('readme.md'), { dataTransfer: second.event() });
    expect(second.data.has('DownloadURL')).toBe(false);
  });

  it('desktop: drags already-downloaded files out through startDrag', async () => {
    const started: string[][] = [];
    const bridge = createFakeBridge({ host: 'desktop' });
    const host = createTestHost({ kind: 'electron', startDrag: (paths) => void started.push(paths) });
    await renderApp({ bridge, adapter: host });
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(row('readme.md'));
    fireEvent.click(screen.getByTestId('download'));
    await waitFor(() => expect(bridge.queue.items.size).toBe(1));
    const item = [...bridge.queue.items.values()][0]!;
    bridge.queue.progress(item.id, item.size);
    await waitFor(() =>
      expect(
        within(screen.getByTestId('transfers-panel')).getByRole('tab', { name: 'Completed (1)' }),
      ).toBeTruthy(),
    );
    expect(fireEvent.dragStart(row('readme.md'), { dataTransfer: createDragSession().event() })).toBe(false);
    expect(started).toEqual([['/home/user/Downloads/readme.md']]);
    expect(fireEvent.dragStart(row('Photos'), { dataTransfer: createDragSession().event() })).toBe(true);
    expect(started).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unwrap } from '@pandesk/contract';
import { createFakeBridge } from '../../testing/fake-bridge';
import type { FakeBridge } from '../../testing/fake-bridge';
import { renderApp } from '../../testing/render-app';
import { createDragSession } from '../../testing/drag-data';

// jsdom has no image decoder or canvas: thumbnails are "made" by a stand-in that records what
// it was given (the real maker runs in Chromium, in the e2e test).
const made = vi.hoisted(() => [] as string[]);
vi.mock('../../lib/thumbnails/make-thumbnail', () => ({
  makeThumbnail: async (base64: string) => {
    made.push(atob(base64));
    return { type: 'image/webp', data: btoa('RIFF\0\0\0\0WEBP') };
  },
}));

afterEach(() => {
  cleanup();
  made.length = 0;
});

/** A drive whose root holds `count` PNG images with distinct contents (and a folder first). */
function imageDrive(count: number): FakeBridge {
  const bridge = createFakeBridge({ pageSize: 5000, seed: false });
  bridge.drive.add({ name: 'Albums', parentId: 0, kind: 'folder' });
  for (let i = 1; i <= count; i++)
    bridge.drive.add({
      name: `img-${String(i).padStart(4, '0')}.png`,
      parentId: 0,
      size: 2000,
      md5: i.toString(16).padStart(32, '0'),
    });
  return bridge;
}

const tiles = (): HTMLElement[] => screen.queryAllByTestId('file-tile');
const tileIds = (): number[] => tiles().map((t) => Number(t.dataset.id));

async function toGrid(): Promise<void> {
  await userEvent.click(screen.getByTestId('view-toggle'));
  await waitFor(() => expect(tiles().length).toBeGreaterThan(0));
}

describe('grid view', () => {
  it('the list ⇄ grid toggle is a setting, so the choice survives a restart', async () => {
    const bridge = imageDrive(3);
    await renderApp({ bridge });
    expect(screen.getAllByTestId('file-row').length).toBe(4);
    await toGrid();
    expect(screen.getByTestId('view-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryAllByTestId('file-row')).toHaveLength(0);
    expect(unwrap(await bridge.settings.get()).viewMode).toBe('grid');
    cleanup();
    // A new window on the same back end opens in the grid.
    await renderApp({ bridge });
    await waitFor(() => expect(tiles()).toHaveLength(4));
    await userEvent.click(screen.getByTestId('view-toggle'));
    await waitFor(() => expect(screen.getAllByTestId('file-row')).toHaveLength(4));
    expect(unwrap(await bridge.settings.get()).viewMode).toBe('list');
    // Finder's shortcuts: Ctrl+1 the grid, Ctrl+2 the list.
    fireEvent.keyDown(document, { key: '1', ctrlKey: true });
    await waitFor(() => expect(tiles()).toHaveLength(4));
    fireEvent.keyDown(document, { key: '2', ctrlKey: true });
    await waitFor(() => expect(screen.getAllByTestId('file-row')).toHaveLength(4));
  });

  it('asks thumbnails only for the tiles rendered (rows in view plus overscan), and shows them', async () => {
    const bridge = imageDrive(2000);
    await renderApp({ bridge });
    await toGrid();
    const grid = screen.getByTestId('file-grid');
    const columns = Number(grid.dataset.columns);
    expect(columns).toBeGreaterThan(1);
    await waitFor(() => expect(screen.getAllByTestId('file-thumbnail').length).toBeGreaterThan(columns));
    const rendered = new Set(tileIds());
    expect(rendered.size).toBeLessThan(100);
    // Every request is for a rendered image tile, each at most once.
    expect(bridge.thumbnailRequests.length).toBeGreaterThan(0);
    expect(bridge.thumbnailRequests.every((id) => rendered.has(id))).toBe(true);
    expect(new Set(bridge.thumbnailRequests).size).toBe(bridge.thumbnailRequests.length);
    // Made from the bytes the back end answered, and given back to it for its cache.
    expect(made).toContain('img-0001.png');
    expect(bridge.calls.filter((c) => c === 'app.storeThumbnail').length).toBe(made.length);
  });

  it('the list view asks no thumbnails at all', async () => {
    const bridge = imageDrive(50);
    await renderApp({ bridge });
    await waitFor(() => expect(screen.getAllByTestId('file-row').length).toBeGreaterThan(10));
    await new Promise((r) => setTimeout(r, 50));
    expect(bridge.thumbnailRequests).toEqual([]);
  });

  it('with thumbnails off the grid asks none and shows type icons', async () => {
    const bridge = imageDrive(50);
    unwrap(await bridge.settings.update({ thumbnails: false }));
    await renderApp({ bridge });
    await toGrid();
    await new Promise((r) => setTimeout(r, 50));
    expect(bridge.thumbnailRequests).toEqual([]);
    expect(screen.queryAllByTestId('file-thumbnail')).toHaveLength(0);
  });

  it('says why thumbnails stopped once the daily budget is spent, and how to get them back', async () => {
    const bridge = imageDrive(20);
    unwrap(await bridge.settings.update({ thumbnailDailyBudgetMb: 0 }));
    await renderApp({ bridge });
    await toGrid();
    const notice = await screen.findByTestId('thumbnail-notice');
    expect(notice.dataset.why).toBe('budget_spent');
    expect(notice.textContent).toMatch(
      /today’s thumbnail traffic allowance.*raise the daily allowance in Settings/,
    );
    expect(screen.queryAllByTestId('file-thumbnail')).toHaveLength(0);
    expect(made).toEqual([]);
  });

  it('tiles behave as rows: click and Ctrl+click select, the menu acts on the selection, a tile drops onto a folder tile', async () => {
    const bridge = imageDrive(6);
    await renderApp({ bridge });
    await toGrid();
    const tile = (name: string): HTMLElement => tiles().find((t) => t.textContent?.includes(name))!;
    fireEvent.click(tile('img-0001.png'));
    fireEvent.click(tile('img-0002.png'), { ctrlKey: true });
    const selected = () =>
      tiles()
        .filter((t) => t.getAttribute('aria-selected') === 'true')
        .map((t) => t.textContent);
    expect(selected()).toEqual(['img-0001.png', 'img-0002.png']);
    expect(tile('img-0001.png').querySelector('.pd-name')?.getAttribute('title')).toBe('img-0001.png');
    fireEvent.contextMenu(tile('img-0002.png'));
    const menu = screen.getByRole('menu');
    expect(within(menu).getByRole('menuitem', { name: 'Download' })).toBeTruthy();
    fireEvent.keyDown(menu, { key: 'Escape' });
    // Dragging the selection onto the folder tile moves both there.
    const drag = createDragSession();
    fireEvent.dragStart(tile('img-0001.png'), { dataTransfer: drag.event() });
    fireEvent.dragOver(tile('Albums'), { dataTransfer: drag.event() });
    expect(tile('Albums').className).toMatch(/is-drop-target/);
    fireEvent.drop(tile('Albums'), { dataTransfer: drag.event() });
    await waitFor(() => expect(tiles()).toHaveLength(5));
    const albums = [...bridge.drive.items.values()].find((i) => i.entry.name === 'Albums')!.entry;
    const moved = [...bridge.drive.items.values()].filter((i) => i.entry.parentId === albums.id);
    expect(moved.map((i) => i.entry.name).sort()).toEqual(['img-0001.png', 'img-0002.png']);
  });

  it('arrows move the focus by tile and by row; Enter on a folder opens it', async () => {
    const bridge = imageDrive(30);
    await renderApp({ bridge });
    await toGrid();
    const grid = screen.getByTestId('file-grid');
    const columns = Number(grid.dataset.columns);
    const order = tileIds();
    const focusedId = (): number =>
      Number(grid.getAttribute('aria-activedescendant')?.replace('file-row-', ''));
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowRight' }); // first key focuses the first tile
    expect(focusedId()).toBe(order[0]);
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    expect(focusedId()).toBe(order[1]);
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(focusedId()).toBe(order[1 + columns]);
    fireEvent.keyDown(grid, { key: 'ArrowLeft' });
    expect(focusedId()).toBe(order[columns]);
    fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(focusedId()).toBe(order[0]);
    const selected = tiles().filter((t) => t.getAttribute('aria-selected') === 'true');
    expect(selected.map((t) => Number(t.dataset.id))).toEqual([order[0]]);
    // The first tile is the folder: Enter opens it, as in the list.
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(() => expect(screen.getByText(/This folder is empty/)).toBeTruthy());
    expect(tiles()).toHaveLength(0);
  });
});

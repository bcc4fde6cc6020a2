import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeBridge } from '../../testing/fake-bridge';
import { renderApp, rowNames } from '../../testing/render-app';

afterEach(cleanup);

const row = (name: string): HTMLElement => {
  const found = screen.getAllByTestId('file-row').find((r) => r.textContent?.includes(name));
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
const selectedNames = (): string[] =>
  screen
    .getAllByTestId('file-row')
    .filter((r) => r.getAttribute('aria-selected') === 'true')
    .map((r) => r.querySelector('.pd-name')?.textContent ?? '');

describe('file list', () => {
  it('shows the first page before the rest of a large folder streams in', async () => {
    const bridge = createFakeBridge({ pageSize: 50, seed: false });
    bridge.drive.addMany(0, 400);
    const release = bridge.holdListMore();
    await renderApp({ bridge });
    await waitFor(() => expect(screen.getByTestId('list-status').textContent).toMatch(/50 items so far/));
    expect(rowNames()[0]).toBe('file-00001.bin');
    release();
    await waitFor(() => expect(screen.getByTestId('list-status').textContent).toBe('400 items'));
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('401');
  });

  it('keeps the DOM bounded for 20,000 entries', async () => {
    // Large pages keep the test quick; streaming itself is covered above.
    const bridge = createFakeBridge({ pageSize: 5000, seed: false });
    bridge.drive.addMany(0, 20_000);
    await renderApp({ bridge });
    await waitFor(() => expect(screen.getByTestId('list-status').textContent).toBe('20,000 items'), {
      timeout: 50_000,
    });
    const rendered = screen.getAllByTestId('file-row').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(80);
    // Scrolled to the end, the last rows are rendered instead of the first, still bounded.
    const scroller = screen.getByTestId('file-scroller');
    let top = 20_000 * 28 - 600;
    Object.defineProperty(scroller, 'scrollTop', {
      configurable: true,
      get: () => top,
      set: (v: number) => (top = v),
    });
    fireEvent.scroll(scroller);
    await waitFor(() => expect(rowNames()).toContain('file-20000.bin'));
    expect(rowNames()).not.toContain('file-00001.bin');
    expect(screen.getAllByTestId('file-row').length).toBeLessThan(80);
    // End moves the keyboard focus to the last entry.
    const grid = screen.getByTestId('file-grid');
    fireEvent.keyDown(grid, { key: 'End' });
    const last = [...bridge.drive.items.values()].find((i) => i.entry.name === 'file-20000.bin')!.entry;
    expect(grid.getAttribute('aria-activedescendant')).toBe(`file-row-${last.id}`);
  }, 60_000);

  it('selects with click, ctrl-click, shift-click and the keyboard', async () => {
    await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(row('Documents'));
    expect(selectedNames()).toEqual(['Documents']);
    fireEvent.click(row('readme.md'), { shiftKey: true });
    expect(selectedNames()).toEqual(['Documents', 'Photos', 'readme.md']);
    fireEvent.click(row('Photos'), { ctrlKey: true });
    expect(selectedNames()).toEqual(['Documents', 'readme.md']);
    const grid = screen.getByTestId('file-grid');
    fireEvent.keyDown(grid, { key: 'Home' });
    expect(selectedNames()).toEqual(['Documents']);
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true });
    expect(selectedNames()).toEqual(['Documents', 'Photos']);
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(selectedNames()).toEqual(['readme.md']);
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    expect(selectedNames()).toHaveLength(3);
    expect(screen.getByTestId('list-status').textContent).toMatch(/3 selected/);
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(selectedNames()).toEqual([]);
  });

  it('sorts by column with folders kept first', async () => {
    const bridge = createFakeBridge();
    bridge.drive.add({ name: 'big.iso', parentId: 0, size: 9_000_000 });
    await renderApp({ bridge });
    await waitFor(() => expect(rowNames()).toEqual(['Documents', 'Photos', 'big.iso', 'readme.md']));
    const sizeHeader = screen.getByRole('columnheader', { name: /Size/ });
    fireEvent.click(within(sizeHeader).getByRole('button'));
    expect(rowNames()).toEqual(['Documents', 'Photos', 'readme.md', 'big.iso']);
    expect(sizeHeader.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(sizeHeader).getByRole('button'));
    expect(rowNames()).toEqual(['Photos', 'Documents', 'big.iso', 'readme.md']);
  });

  it('opens a folder with Enter and double-click and updates breadcrumbs', async () => {
    await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'Enter' });
    await waitFor(() => expect(rowNames()).toEqual(['Reports', 'notes.txt']));
    const crumbs = within(screen.getByRole('navigation', { name: 'Location' }));
    expect(crumbs.getByRole('button', { name: 'Documents' }).getAttribute('aria-current')).toBe('page');
    fireEvent.doubleClick(row('Reports'));
    await waitFor(() => expect(screen.getByTestId('list-empty')).toBeTruthy());
    fireEvent.click(crumbs.getByRole('button', { name: 'My drive' }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(rowNames()).toEqual([]));
  });

  it('renames in place with F2, checking the name before any request', async () => {
    const user = userEvent.setup();
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    fireEvent.click(row('readme.md'));
    fireEvent.keyDown(screen.getByTestId('file-grid'), { key: 'F2' });
    const input = await screen.findByTestId('rename-input');
    await user.clear(input);
    await user.type(input, 'bad:name.md');
    expect(screen.getByTestId('rename-error').textContent).toMatch(/cannot contain :/);
    await user.keyboard('{Enter}');
    expect(bridge.calls).not.toContain('files.rename');
    await user.clear(input);
    await user.type(input, 'Photos{Enter}');
    await waitFor(() => expect(screen.getByTestId('rename-error').textContent).toMatch(/already exists/));
    await user.clear(input);
    await user.type(input, 'guide.md{Enter}');
    await waitFor(() => expect(rowNames()).toContain('guide.md'));
    expect(screen.queryByTestId('rename-input')).toBeNull();
    expect([...bridge.drive.items.values()].some((i) => i.entry.name === 'guide.md')).toBe(true);
  });
});

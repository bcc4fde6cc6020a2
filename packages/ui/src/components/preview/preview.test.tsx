import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeBridge } from '../../testing/fake-bridge';
import type { FakeBridge } from '../../testing/fake-bridge';
import { entryId, fileRow } from '../../testing/queries';
import { createTestHost, renderApp } from '../../testing/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const NAMES = ['a-photo.png', 'b-clip.mp4', 'c-paper.pdf', 'd-archive.zip', 'e-drawing.svg', 'f-song.mp3'];

/** A drive with one file of each kind at the top, in this (name) order. */
function driveWithKinds(): FakeBridge {
  const bridge = createFakeBridge({ seed: false });
  for (const name of NAMES) bridge.drive.add({ name, parentId: 0, size: 1000 });
  return bridge;
}

const grid = (): HTMLElement => screen.getByTestId('file-grid');
const overlay = (): HTMLElement => screen.getByTestId('preview-overlay');
const shownName = (): string => within(overlay()).getByTestId('preview-name').textContent ?? '';
const row = fileRow;
const idOf = entryId;

describe('quick preview keys', () => {
  it('Space opens the focused file, arrows follow the listing order, Space and Escape close', async () => {
    await renderApp({ bridge: driveWithKinds() });
    fireEvent.click(row('b-clip.mp4'));
    fireEvent.keyDown(grid(), { key: ' ' });
    expect(shownName()).toBe('b-clip.mp4');
    fireEvent.keyDown(overlay(), { key: 'ArrowRight' });
    expect(shownName()).toBe('c-paper.pdf');
    fireEvent.keyDown(overlay(), { key: 'ArrowDown' });
    expect(shownName()).toBe('d-archive.zip');
    fireEvent.keyDown(overlay(), { key: 'ArrowLeft' });
    fireEvent.keyDown(overlay(), { key: 'ArrowUp' });
    expect(shownName()).toBe('b-clip.mp4');
    // The list's selection follows the preview.
    expect(row('b-clip.mp4').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(overlay(), { key: ' ' });
    expect(screen.queryByTestId('preview-overlay')).toBeNull();
    fireEvent.keyDown(grid(), { key: ' ' });
    expect(shownName()).toBe('b-clip.mp4');
    fireEvent.keyDown(overlay(), { key: 'Escape' });
    expect(screen.queryByTestId('preview-overlay')).toBeNull();
  });

  it('keeps Tab inside the open preview', async () => {
    await renderApp({ bridge: driveWithKinds() });
    fireEvent.click(row('d-archive.zip'));
    fireEvent.keyDown(grid(), { key: ' ' });
    const buttons = within(overlay()).getAllByRole('button');
    buttons.at(-1)?.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(buttons.at(-1));
  });

  it('Space with nothing focused opens nothing', async () => {
    await renderApp({ bridge: driveWithKinds() });
    fireEvent.keyDown(grid(), { key: ' ' });
    expect(screen.queryByTestId('preview-overlay')).toBeNull();
  });
});

describe('quick preview viewers', () => {
  it('routes each type to its viewer, reading the host preview URL of that file', async () => {
    const bridge = driveWithKinds();
    await renderApp({ bridge });
    fireEvent.click(row('a-photo.png'));
    fireEvent.keyDown(grid(), { key: ' ' });
    const image = await within(overlay()).findByTestId('preview-image');
    expect(image.getAttribute('src')).toBe(`/api/preview/p-${idOf(bridge, 'a-photo.png')}`);
    fireEvent.keyDown(overlay(), { key: 'ArrowRight' });
    const video = await within(overlay()).findByTestId('preview-video');
    expect(video.tagName).toBe('VIDEO');
    expect(video.getAttribute('src')).toBe(`/api/preview/p-${idOf(bridge, 'b-clip.mp4')}`);
    expect(video.getAttribute('preload')).toBe('metadata');
    fireEvent.keyDown(overlay(), { key: 'ArrowRight' });
    const pdf = await within(overlay()).findByTestId('preview-pdf');
    expect(pdf.tagName).toBe('IFRAME');
    expect(pdf.getAttribute('src')).toBe(`/api/preview/p-${idOf(bridge, 'c-paper.pdf')}`);
    fireEvent.keyDown(overlay(), { key: 'ArrowRight' });
    expect(within(overlay()).getByTestId('preview-message').textContent).toContain(
      'No preview for ZIP files',
    );
    fireEvent.keyDown(overlay(), { key: 'ArrowRight' });
    // SVG only ever as <img src>: never inlined, so its script cannot run.
    const svg = await within(overlay()).findByTestId('preview-image');
    expect(svg.tagName).toBe('IMG');
    expect(svg.getAttribute('src')).toBe(`/api/preview/p-${idOf(bridge, 'e-drawing.svg')}`);
    expect(overlay().querySelector('svg')).toBeNull();
    fireEvent.keyDown(overlay(), { key: 'ArrowRight' });
    expect((await within(overlay()).findByTestId('preview-audio')).tagName).toBe('AUDIO');
  });

  it('offers Open and Download where there is no preview, through the existing actions', async () => {
    const bridge = createFakeBridge({ seed: false, host: 'desktop' });
    bridge.drive.add({ name: 'archive.zip', parentId: 0, size: 1000 });
    await renderApp({ bridge, adapter: createTestHost({ kind: 'electron' }) });
    fireEvent.click(row('archive.zip'));
    fireEvent.keyDown(grid(), { key: ' ' });
    const message = within(overlay()).getByTestId('preview-message');
    fireEvent.click(within(message).getByTestId('preview-open'));
    await waitFor(() => expect(bridge.calls).toContain('app.openFile'));
    fireEvent.click(within(message).getByTestId('preview-download'));
    await waitFor(() => expect(bridge.calls).toContain('transfers.download'));
    expect(bridge.calls).not.toContain('app.previewUrl');
  });

  it('says a folder has no preview, in the user language', async () => {
    const bridge = driveWithKinds();
    bridge.drive.add({ name: '0-folder', parentId: 0, kind: 'folder' });
    await renderApp({ bridge });
    fireEvent.click(row('0-folder'));
    fireEvent.keyDown(grid(), { key: ' ' });
    expect(within(overlay()).getByTestId('preview-message').textContent).toContain('No preview for folders');
    expect(within(overlay()).getByTestId('preview-open')).toBeTruthy();
  });

  it('offers Retry when the host refuses a preview URL', async () => {
    const bridge = driveWithKinds();
    await renderApp({ bridge });
    bridge.failNext('app.previewUrl', { code: 'network', message: 'offline' });
    fireEvent.click(row('a-photo.png'));
    fireEvent.keyDown(grid(), { key: ' ' });
    const message = await within(overlay()).findByTestId('preview-message');
    expect(message.textContent).toContain('could not be loaded');
    fireEvent.click(within(message).getByRole('button', { name: 'Try again' }));
    expect(await within(overlay()).findByTestId('preview-image')).toBeTruthy();
  });

  it('says why the host refused, in the words of that reason (traffic used up)', async () => {
    const bridge = driveWithKinds();
    await renderApp({ bridge });
    bridge.failNext('app.previewUrl', {
      code: 'quota',
      reason: 'traffic_exhausted',
      message: '您今日自用下载流量已超出1GB上限',
    });
    fireEvent.click(row('a-photo.png'));
    fireEvent.keyDown(grid(), { key: ' ' });
    const message = await within(overlay()).findByTestId('preview-message');
    expect(within(message).getByTestId('preview-reason').textContent).toContain(
      'download traffic is used up for now',
    );
    expect(message.textContent).not.toContain('您今日');
    expect(within(message).getByTestId('preview-download')).toBeTruthy();
  });
});

describe('text preview', () => {
  it('reads only the first 256 KB with one Range request and says the file was cut', async () => {
    const bridge = createFakeBridge({ seed: false });
    bridge.drive.add({ name: 'big.log', parentId: 0, size: 1_000_000 });
    const head = 'x'.repeat(256 * 1024);
    const fetched: { url: string; range: string | null }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      fetched.push({ url: String(input), range: new Headers(init?.headers).get('range') });
      return new Response(head, {
        status: 206,
        headers: { 'content-range': `bytes 0-${head.length - 1}/1000000` },
      });
    });
    await renderApp({ bridge });
    fireEvent.click(row('big.log'));
    fireEvent.keyDown(grid(), { key: ' ' });
    const note = await within(overlay()).findByTestId('preview-truncated');
    expect(note.textContent).toBe('Showing the first 256 KB of 977 KB.');
    expect(within(overlay()).getByTestId('preview-text').textContent).toHaveLength(head.length);
    expect(fetched).toEqual([
      { url: expect.stringMatching(/^\/api\/preview\/p-\d+$/), range: 'bytes=0-262143' },
    ]);
  });

  it('shows a short file whole, without the note, code highlighted', async () => {
    const bridge = createFakeBridge({ seed: false });
    bridge.drive.add({ name: 'main.ts', parentId: 0, size: 30 });
    const source = 'const answer = 42; // <b>x</b>';
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(source, {
        status: 206,
        headers: { 'content-range': `bytes 0-${source.length - 1}/${source.length}` },
      }),
    );
    await renderApp({ bridge });
    fireEvent.click(row('main.ts'));
    fireEvent.keyDown(grid(), { key: ' ' });
    const code = await within(overlay()).findByTestId('preview-code');
    expect(code.textContent).toBe(source);
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code.querySelector('b')).toBeNull();
    expect(within(overlay()).queryByTestId('preview-truncated')).toBeNull();
  });
});

describe('preview pane', () => {
  it('is toggled from the toolbar and with Alt+P, remembered in the settings, and follows the selection', async () => {
    const bridge = driveWithKinds();
    await renderApp({ bridge });
    expect(screen.queryByTestId('preview-pane')).toBeNull();
    const toggle = screen.getByTestId('preview-pane-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    const pane = await screen.findByTestId('preview-pane');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(unwrapSettings(await bridge.settings.get()).previewPane).toBe(true);
    expect(pane.textContent).toContain('Select a file to preview it.');
    fireEvent.click(row('a-photo.png'));
    expect((await within(pane).findByTestId('preview-image')).getAttribute('src')).toBe(
      `/api/preview/p-${idOf(bridge, 'a-photo.png')}`,
    );
    fireEvent.keyDown(document, { key: 'p', code: 'KeyP', altKey: true });
    await waitFor(() => expect(screen.queryByTestId('preview-pane')).toBeNull());
    expect(unwrapSettings(await bridge.settings.get()).previewPane).toBe(false);
  });
});

function unwrapSettings<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error('settings.get failed');
  return result.value;
}

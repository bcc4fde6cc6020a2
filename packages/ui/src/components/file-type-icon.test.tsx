import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { createFakeBridge } from '../testing/fake-bridge';
import { renderApp } from '../testing/render-app';

afterEach(cleanup);

const row = (name: string): HTMLElement => {
  const found = screen
    .getAllByTestId('file-row')
    .find((r) => r.querySelector('.pd-name')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

describe('file type icons', () => {
  it('draws each row with the icon of its type, and the tree with folder icons', async () => {
    const bridge = createFakeBridge({ seed: false });
    for (const name of ['a.png', 'b.mp4', 'c.zip', 'd.pdf', 'e.py', 'f.bin'])
      bridge.drive.add({ name, parentId: 0 });
    bridge.drive.add({ name: 'Folder', parentId: 0, kind: 'folder' });
    await renderApp({ bridge });
    const iconOf = (name: string): string | null =>
      row(name).querySelector('.pd-type-icon')?.getAttribute('data-file-type') ?? null;
    expect(['a.png', 'b.mp4', 'c.zip', 'd.pdf', 'e.py', 'f.bin'].map(iconOf)).toEqual([
      'image',
      'video',
      'archive',
      'pdf',
      'code',
      'other',
    ]);
    expect(row('Folder').querySelector('.pd-icon-folder')).not.toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('tree-item').length).toBeGreaterThan(1));
    for (const item of screen.getAllByTestId('tree-item'))
      expect(item.querySelector('.pd-icon-folder')).not.toBeNull();
  });
});

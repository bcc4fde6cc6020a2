import { describe, expect, it } from 'vitest';
import { dragRootsFromSettings, openDialogOptions } from './dialog-options';

describe('native dialog options', () => {
  it('opens the dialog each mode needs', () => {
    expect(openDialogOptions({ mode: 'open_files' })).toEqual({
      properties: ['openFile', 'multiSelections'],
    });
    expect(openDialogOptions({ mode: 'open_folders', title: 'Upload' })).toEqual({
      title: 'Upload',
      properties: ['openDirectory', 'multiSelections'],
    });
    expect(openDialogOptions({ mode: 'choose_folder', defaultPath: '/home/u' })).toEqual({
      defaultPath: '/home/u',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
    });
  });
});

describe('drag roots', () => {
  it('adds the download folder and custom places to the fixed roots, once each', () => {
    const doc = {
      settings: { downloadFolder: '/d' },
      places: [{ path: '/p1' }, { path: '/d' }, null, { path: 3 }],
    };
    expect(dragRootsFromSettings(doc, ['/downloads', '/staging'])).toEqual([
      '/downloads',
      '/staging',
      '/d',
      '/p1',
    ]);
  });

  it('survives a missing or odd document', () => {
    expect(dragRootsFromSettings(undefined, ['/x'])).toEqual(['/x']);
    expect(dragRootsFromSettings({ settings: 'nope', places: 'nope' }, [])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { openDialogOptions } from './dialog-options';

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

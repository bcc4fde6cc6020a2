import { describe, expect, it } from 'vitest';
import { createDialogMemory, folderToRemember } from './dialog-folders';

function memory() {
  const store = { data: {} as Record<string, string> };
  return {
    store,
    dialogs: createDialogMemory({ read: () => store.data, write: (next) => void (store.data = { ...next }) }),
  };
}

describe('dialog folders', () => {
  it('opens each kind of dialog where it was last used, unless the caller names a folder', () => {
    const { store, dialogs } = memory();
    expect(dialogs.withDefault({ mode: 'open_files' })).toEqual({ mode: 'open_files' });
    dialogs.remember('open_files', ['/home/u/Pictures/a.png', '/home/u/Pictures/b.png']);
    dialogs.remember('choose_folder', ['/mnt/big/downloads']);
    expect(store.data).toEqual({ upload: '/home/u/Pictures', destination: '/mnt/big/downloads' });
    expect(dialogs.withDefault({ mode: 'open_folders' })).toEqual({
      mode: 'open_folders',
      defaultPath: '/home/u/Pictures',
    });
    expect(dialogs.withDefault({ mode: 'choose_folder' })).toEqual({
      mode: 'choose_folder',
      defaultPath: '/mnt/big/downloads',
    });
    expect(dialogs.withDefault({ mode: 'choose_folder', defaultPath: '/x' })).toEqual({
      mode: 'choose_folder',
      defaultPath: '/x',
    });
  });
  it('remembers nothing from a cancelled dialog or a relative path', () => {
    const { store, dialogs } = memory();
    dialogs.remember('open_files', []);
    dialogs.remember('open_files', ['relative.txt']);
    expect(store.data).toEqual({});
    expect(folderToRemember('open_folders', ['/a/b'])).toBe('/a');
  });
});

import * as path from 'node:path';
import type { ChoosePathsInput } from '@pandesk/contract';

/**
 * Remembers where each kind of native dialog was last used, because since Electron 43 the
 * dialogs no longer do it themselves: picking files to upload opens where the last upload came
 * from, choosing a download folder opens at the last folder chosen. An explicit `defaultPath`
 * from the caller always wins. Kept in the app store, so it survives restarts.
 */

export type DialogPurpose = 'upload' | 'destination';

export interface DialogFolderStore {
  read(): Readonly<Record<string, string>>;
  write(next: Readonly<Record<string, string>>): void;
}

export function purposeOf(mode: ChoosePathsInput['mode']): DialogPurpose {
  return mode === 'choose_folder' ? 'destination' : 'upload';
}

/** The folder to remember from a dialog's answer: the chosen folder, or the picked items' parent. */
export function folderToRemember(
  mode: ChoosePathsInput['mode'],
  picked: readonly string[],
): string | undefined {
  const first = picked[0];
  if (first === undefined || !path.isAbsolute(first)) return undefined;
  return mode === 'choose_folder' ? first : path.dirname(first);
}

export interface DialogMemory {
  /** The input with the remembered folder as `defaultPath` when the caller gave none. */
  withDefault(input: ChoosePathsInput): ChoosePathsInput;
  remember(mode: ChoosePathsInput['mode'], picked: readonly string[]): void;
}

export function createDialogMemory(store: DialogFolderStore): DialogMemory {
  return {
    withDefault(input) {
      if (input.defaultPath !== undefined) return input;
      const remembered = store.read()[purposeOf(input.mode)];
      return remembered === undefined ? input : { ...input, defaultPath: remembered };
    },
    remember(mode, picked) {
      const folder = folderToRemember(mode, picked);
      if (folder === undefined) return;
      store.write({ ...store.read(), [purposeOf(mode)]: folder });
    },
  };
}

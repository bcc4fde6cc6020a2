import type { OpenDialogOptions } from 'electron';
import type { ChoosePathsInput } from '@pandesk/contract';

/**
 * The native dialog each `app.choosePaths` mode opens. `open_files`/`open_folders` pick things
 * to upload (several at once); `choose_folder` picks one destination and may create it.
 */
export function openDialogOptions(input: ChoosePathsInput): OpenDialogOptions {
  const base: OpenDialogOptions = {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.defaultPath === undefined ? {} : { defaultPath: input.defaultPath }),
  };
  switch (input.mode) {
    case 'open_files':
      return { ...base, properties: ['openFile', 'multiSelections'] };
    case 'open_folders':
      return { ...base, properties: ['openDirectory', 'multiSelections'] };
    case 'choose_folder':
      return { ...base, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
  }
}

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

/** Folders the drag-out guard accepts, read defensively from the back end's settings document. */
export function dragRootsFromSettings(doc: unknown, fixed: readonly string[]): string[] {
  const roots = [...fixed];
  if (typeof doc !== 'object' || doc === null) return roots;
  const { settings, places } = doc as { settings?: unknown; places?: unknown };
  const folder = (settings as { downloadFolder?: unknown } | undefined)?.downloadFolder;
  if (typeof folder === 'string' && folder !== '') roots.push(folder);
  if (Array.isArray(places)) {
    for (const place of places as unknown[]) {
      const p = (place as { path?: unknown } | null)?.path;
      if (typeof p === 'string' && p !== '') roots.push(p);
    }
  }
  return [...new Set(roots)];
}

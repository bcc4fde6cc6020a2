import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonText, writeFileDurablySync } from '@pandesk/durable-file';

/**
 * The folders a native drag out of the window may take files from: the OS Downloads folder,
 * and folders the user picked in a native choose-folder dialog (a "Save to…" target, the
 * download folder setting, a new place). Only the main process adds to this list; what the
 * renderer stores in the settings (the download folder, places) is never read as a root, so a
 * compromised renderer cannot widen the drag-out guard (e.g. by adding `/` as a place).
 *
 * Picked folders persist in their own file in userData (`drag-folders.json`), newest last, at
 * most {@link MAX_FOLDERS}. On the first start with no such file, the download folder and
 * places saved by an earlier version (chosen with the same native dialogs) are taken over once,
 * without relative paths or the top of a drive.
 */

export const DRAG_FOLDERS_FILE = 'drag-folders.json';
export const MAX_FOLDERS = 200;

export interface DragRootsOptions {
  /** Where picked folders persist. */
  readonly file: string;
  /** Always allowed (the OS Downloads folder). */
  readonly fixed: readonly string[];
  /** The back end's settings document, read only when {@link DragRootsOptions.file} does not exist yet. */
  readonly legacySettings: () => unknown;
  readonly onProblem?: (message: string) => void;
}

export interface DragRoots {
  /** A folder the user picked in a native dialog. */
  add(folder: string): void;
  /** Every allowed root, fixed ones first, without repeats. */
  list(): string[];
}

function isUsableFolder(value: unknown): value is string {
  return typeof value === 'string' && path.isAbsolute(value) && path.parse(value).root !== value;
}

/** The download folder and place paths of an earlier version's settings document. */
export function foldersFromSettings(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const { settings, places } = doc as { settings?: unknown; places?: unknown };
  const found: unknown[] = [(settings as { downloadFolder?: unknown } | undefined)?.downloadFolder];
  if (Array.isArray(places))
    for (const place of places as unknown[]) found.push((place as { path?: unknown } | null)?.path);
  return [...new Set(found.filter(isUsableFolder))];
}

function readFolders(file: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const doc = JSON.parse(text) as { folders?: unknown };
    return Array.isArray(doc.folders)
      ? doc.folders.filter((f): f is string => typeof f === 'string' && path.isAbsolute(f))
      : [];
  } catch {
    return [];
  }
}

export function createDragRoots(options: DragRootsOptions): DragRoots {
  const save = (): void => {
    try {
      writeFileDurablySync(options.file, jsonText({ version: 1, folders }), { mode: 0o600 });
    } catch (error) {
      options.onProblem?.(`The list of chosen folders could not be saved: ${(error as Error).message}`);
    }
  };
  const stored = readFolders(options.file);
  let folders = stored ?? foldersFromSettings(options.legacySettings());
  if (stored === undefined) save();
  return {
    add(folder) {
      if (!path.isAbsolute(folder)) return;
      folders = [...folders.filter((f) => f !== folder), folder].slice(-MAX_FOLDERS);
      save();
    },
    list: () => [...new Set([...options.fixed, ...folders])],
  };
}

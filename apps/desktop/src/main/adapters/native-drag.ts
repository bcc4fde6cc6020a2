import { promises as fsp } from 'node:fs';
import { app, nativeImage } from 'electron';
import type { NativeImage, WebContents } from 'electron';
import { fail, ok } from '@pandesk/contract';
import type { Result, StartDragInput } from '@pandesk/contract';
import { checkDragPaths } from './drag-guard';

/**
 * `app.startDrag` for the desktop: checks the paths with the drag guard (existing files inside
 * PanDesk's folders only), then hands them to the OS with an icon (the OS's own icon for the
 * first file, else the app icon; macOS refuses an empty one). Called while the renderer's
 * `dragstart` is still in progress, as Electron requires.
 */
export interface NativeDragOptions {
  readonly contents: () => WebContents | undefined;
  readonly roots: () => readonly string[];
  readonly fallbackIconPath: string;
}

async function iconFor(file: string, fallback: string): Promise<NativeImage> {
  try {
    const icon = await app.getFileIcon(file, { size: 'normal' });
    if (!icon.isEmpty()) return icon;
  } catch {
    // Some platforms have no icon for some files; the app icon will do.
  }
  return nativeImage.createFromPath(fallback);
}

export function createNativeDrag(
  options: NativeDragOptions,
): (input: StartDragInput) => Promise<Result<null>> {
  return async ({ paths }) => {
    const contents = options.contents();
    if (contents === undefined || contents.isDestroyed())
      return fail('unsupported', 'There is no window to drag from.');
    const checked = await checkDragPaths(paths, options.roots(), fsp);
    if (!checked.ok) return fail('invalid_input', checked.reason, false);
    const [first, ...rest] = checked.paths;
    if (first === undefined) return fail('invalid_input', 'Nothing to drag.', false);
    const icon = await iconFor(first, options.fallbackIconPath);
    contents.startDrag({ file: first, ...(rest.length > 0 ? { files: [first, ...rest] } : {}), icon });
    return ok(null);
  };
}

import type { ConflictPolicy, FileId, PanDeskBridge, Result } from '@pandesk/contract';
import type { BrowserStore } from '../stores/browser-store';

/** Last path segment of a local path, on any platform (`C:\a\b` and `/a/b/` alike). */
export function baseName(path: string): string {
  const parts = path.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * Names already present in a cloud folder. Uses the visible listing when it is that folder and
 * complete; otherwise pulls the folder's pages (the back end paces the calls).
 */
export async function existingNames(
  bridge: PanDeskBridge,
  browser: BrowserStore,
  folderId: FileId,
): Promise<Result<Set<string>>> {
  const { location, status, entries } = browser.getState();
  if (location.kind === 'folder' && location.folderId === folderId && status === 'complete') {
    return { ok: true, value: new Set(entries.map((e) => e.name)) };
  }
  const names = new Set<string>();
  let page = await bridge.files.list({ folderId });
  for (;;) {
    if (!page.ok) return page;
    page.value.items.forEach((e) => names.add(e.name));
    if (page.value.cursor === null) return { ok: true, value: names };
    page = await bridge.files.listMore({ folderId, cursor: page.value.cursor });
  }
}

/** Remembered answer for the session (also written to the settings as the new default). */
export interface ConflictMemory {
  policy: ConflictPolicy | null;
}

export function createConflictMemory(): ConflictMemory {
  return { policy: null };
}

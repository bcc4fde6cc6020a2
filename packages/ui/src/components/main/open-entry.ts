import type { FileEntry } from '@pandesk/contract';
import type { AppContextValue } from '../../context';

/** Shows the folder an item is in, with the item selected (from search results). */
export function openContainingFolder(ctx: Pick<AppContextValue, 'browser'>, entry: FileEntry): void {
  ctx.browser.getState().navigate({ kind: 'folder', folderId: entry.parentId }, entry.id);
}

/**
 * What double-click and Enter do: a folder opens; in search results a file's folder opens with
 * the file selected; elsewhere a file opens with its application or in a browser tab
 * (`actions.open`), except in the recycle bin, whose files cannot be downloaded.
 */
export function openEntry(ctx: Pick<AppContextValue, 'browser' | 'actions'>, entry: FileEntry): void {
  const b = ctx.browser.getState();
  if (entry.kind === 'folder') b.navigate({ kind: 'folder', folderId: entry.id });
  else if (b.location.kind === 'search') openContainingFolder(ctx, entry);
  else if (b.location.kind !== 'trash') void ctx.actions.open(entry);
}

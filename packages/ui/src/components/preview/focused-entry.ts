import type { FileEntry } from '@pandesk/contract';
import { useSlice } from '../../context';
import type { AppContextValue } from '../../context';

/** The list's focused item: what the quick preview and the preview pane show. */
export function useFocusedEntry(browser: AppContextValue['browser']): FileEntry | undefined {
  const focus = useSlice(browser, (s) => s.selection.focus);
  const entries = useSlice(browser, (s) => s.entries);
  return focus === null ? undefined : entries.find((e) => e.id === focus);
}

/** Switches the preview pane on or off; the setting remembers it (`settings:changed` shows it). */
export function togglePreviewPane(ctx: Pick<AppContextValue, 'bridge' | 'session'>): void {
  const shown = ctx.session.getState().settings?.previewPane === true;
  void ctx.bridge.settings.update({ previewPane: !shown });
}

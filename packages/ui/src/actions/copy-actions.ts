import type { ConflictPolicy, FileEntry, FileId } from '@pandesk/contract';
import { createConflictMemory, existingNames } from './conflicts';
import type { ActionDeps } from './deps';
import type { CloudActions } from './cloud-actions';

/** Copy (Ctrl+C) and paste of copies (Ctrl+V) inside the drive; moving is Cut (Ctrl+X). */
export interface CopyActions {
  /** Remembers the entries; a paste then copies them into the folder shown. */
  copy(entries: readonly FileEntry[]): void;
  /** Copies what was copied into the current folder, asking the conflict question once if names clash. */
  pasteCopy(): Promise<boolean>;
}

export function createCopyActions(deps: ActionDeps, cloudActions: CloudActions): CopyActions {
  const { bridge, session, browser, ui, cloud } = deps;
  const memory = createConflictMemory();
  /** What the last Copy took, by id (the clipboard itself holds ids only). */
  let copied = new Map<FileId, FileEntry>();

  /** The policy for names already in the target; null when the user cancelled. */
  async function choosePolicy(sources: readonly FileEntry[], target: FileId): Promise<ConflictPolicy | null> {
    const fallback = session.getState().settings?.conflictDefault ?? 'keep_both';
    if (memory.policy !== null) return memory.policy;
    const existing = await existingNames(bridge, browser, target);
    if (!existing.ok) return fallback;
    // An item pasted into its own folder always gets a second copy: not a clash to ask about.
    const clashes = sources
      .filter((s) => s.parentId !== target && existing.value.has(s.name))
      .map((s) => s.name);
    if (clashes.length === 0) return fallback;
    const answer = await ui.getState().askConflict(clashes, fallback);
    if (answer === null) return null;
    if (answer.remember) {
      memory.policy = answer.policy;
      void bridge.settings.update({ conflictDefault: answer.policy });
    }
    return answer.policy;
  }

  return {
    copy(entries) {
      if (entries.length === 0) return;
      copied = new Map(entries.map((e) => [e.id, e]));
      ui.getState().setClipboard(
        entries.map((e) => e.id),
        'copy',
      );
      ui.getState().pushToast({
        kind: 'info',
        text: { key: 'copyPaste.copied', values: { count: entries.length } },
      });
    },
    async pasteCopy() {
      const ids = ui.getState().clipboard;
      const here = browser.getState().location;
      if (ids === null || here.kind !== 'folder') return false;
      const sources = ids.map((id) => copied.get(id)).filter((e): e is FileEntry => e !== undefined);
      if (sources.some((s) => s.id === here.folderId)) {
        ui.getState().pushToast({ kind: 'error', text: { key: 'copyPaste.intoItself' } });
        return false;
      }
      const conflict = await choosePolicy(sources, here.folderId);
      if (conflict === null) return false;
      const result = await bridge.files.copy({ ids: [...ids], targetFolderId: here.folderId, conflict });
      if (!result.ok) {
        cloudActions.reportCloudError('copy', result.error);
        return false;
      }
      ui.getState().setTransfersOpen(true);
      cloud.getState().setShowTasks(true);
      ui.getState().pushToast({
        kind: 'info',
        text: { key: 'copyPaste.started', values: { count: ids.length } },
      });
      return true;
    },
  };
}

import { checkName } from '@pandesk/contract';
import type { ApiError, FileEntry, FileId, Result } from '@pandesk/contract';
import { nameProblem } from './errors';
import type { InlineProblem } from './errors';
import type { ActionDeps } from './deps';

/** File operations: names are checked before any request; failures become toasts with retry. */
export interface FileActions {
  /** Resolves to the problem to show in the dialog, or null when the folder was created. */
  mkdir(name: string): Promise<InlineProblem | null>;
  /** Resolves to the problem to show by the name field, or null when renamed. */
  rename(id: FileId, name: string): Promise<InlineProblem | null>;
  move(ids: readonly FileId[], targetFolderId: FileId): Promise<boolean>;
  trash(entries: readonly FileEntry[]): Promise<boolean>;
  /** To the original folders, or into `targetFolderId` (for items whose folder is gone). */
  restore(ids: readonly FileId[], targetFolderId?: FileId): Promise<boolean>;
  /** Ctrl+X: remembers the selection; `paste` moves it into the current folder. */
  cut(ids: readonly FileId[]): void;
  paste(): Promise<boolean>;
  deleteForever(ids: readonly FileId[]): Promise<boolean>;
  /** Shows an error toast (worded at display time); `retry` offered when retrying may work. */
  reportError(actionKey: string, error: ApiError, retry?: () => void): void;
}

export function createFileActions(deps: ActionDeps): FileActions {
  const { bridge, browser, ui } = deps;

  function reportError(actionKey: string, error: ApiError, retry?: () => void): void {
    ui.getState().pushToast({
      kind: 'error',
      text: { error, action: actionKey },
      ...(error.retryable && retry ? { retry } : {}),
    });
  }
  const info = (key: string, values: Record<string, string | number>): void =>
    void ui.getState().pushToast({ kind: 'info', text: { key, values } });

  /** Runs a mutation; on failure shows a toast (with retry when sensible) and answers false. */
  async function run<T>(
    key: string,
    call: () => Promise<Result<T>>,
    onOk: (value: T) => void,
  ): Promise<boolean> {
    const result = await call();
    if (!result.ok) {
      reportError(key, result.error, () => void run(key, call, onOk));
      return false;
    }
    onOk(result.value);
    return true;
  }

  const currentFolder = (): FileId | null => {
    const here = browser.getState().location;
    return here.kind === 'folder' ? here.folderId : null;
  };

  /** The folder an item is in, where the listing or the breadcrumbs know it. */
  const parentOf = (id: FileId): FileId | undefined => {
    const { entries, known } = browser.getState();
    return entries.find((e) => e.id === id)?.parentId ?? known.get(id)?.parentId;
  };

  /** Errors the user fixes by changing the name are shown inline; the rest as toasts too. */
  function inline(result: Result<unknown>, key: string): InlineProblem | null {
    if (result.ok) return null;
    if (result.error.code !== 'name_conflict' && result.error.code !== 'invalid_name')
      reportError(key, result.error);
    return { error: result.error };
  }

  const api: FileActions = {
    reportError,
    async mkdir(name) {
      const problem = nameProblem(checkName(name));
      const parentId = currentFolder();
      if (problem !== null || parentId === null) return problem;
      const result = await bridge.files.mkdir({ parentId, name });
      if (result.ok) {
        const now = Date.now();
        browser.getState().insertEntry({
          id: result.value.id,
          name,
          parentId,
          kind: 'folder',
          size: 0,
          md5: null,
          category: 'other',
          createdAt: now,
          modifiedAt: now,
          blocked: false,
        });
      }
      return inline(result, 'mkdir');
    },
    async rename(id, name) {
      const entry = browser.getState().entries.find((e) => e.id === id);
      if (entry && entry.name === name) return null;
      const problem = nameProblem(checkName(name));
      if (problem !== null) return problem;
      const result = await bridge.files.rename({ id, name });
      if (result.ok) browser.getState().patchEntry(id, { name });
      return inline(result, 'rename');
    },
    move(ids, targetFolderId) {
      const movable = ids.filter((id) => id !== targetFolderId && parentOf(id) !== targetFolderId);
      if (movable.length === 0) {
        const first = browser.getState().entries.find((e) => e.id === ids[0]);
        if (ids.length > 0) info('toast.alreadyHere', { count: ids.length, name: first?.name ?? '' });
        return Promise.resolve(false);
      }
      return run(
        'move',
        () => bridge.files.move({ ids: movable, targetFolderId }),
        () => {
          if (currentFolder() !== targetFolderId) browser.getState().removeEntries(movable);
          info('toast.moved', { count: movable.length });
        },
      );
    },
    trash(entries) {
      const ids = entries.map((e) => e.id);
      return run(
        'trash',
        () => bridge.files.trash({ ids }),
        () => {
          browser.getState().removeEntries(ids);
          info('toast.trashed', { count: ids.length });
        },
      );
    },
    cut(ids) {
      if (ids.length === 0) return;
      ui.getState().setClipboard(ids);
      info('toast.cut', { count: ids.length });
    },
    async paste() {
      const ids = ui.getState().clipboard;
      const target = currentFolder();
      if (!ids || target === null) return false;
      ui.getState().setClipboard(null);
      return api.move(ids, target);
    },
    restore(ids, targetFolderId) {
      const input = targetFolderId === undefined ? { ids: [...ids] } : { ids: [...ids], targetFolderId };
      return run(
        'restore',
        () => bridge.files.restore(input),
        (value) => {
          browser.getState().removeEntries(value.restored);
          if (value.restored.length > 0) info('toast.restored', { count: value.restored.length });
          if (value.needsTarget.length > 0)
            ui.getState().pushToast({
              kind: 'error',
              text: { key: 'errors.restoreNeedsTarget', values: { count: value.needsTarget.length } },
            });
        },
      );
    },
    deleteForever(ids) {
      return run(
        'deleteForever',
        () => bridge.files.deleteForever({ ids: [...ids] }),
        () => {
          browser.getState().removeEntries(ids);
          info('toast.deleted', { count: ids.length });
        },
      );
    },
  };
  return api;
}

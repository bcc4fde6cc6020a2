import { checkName } from '@pandesk/contract';
import type { ApiError, FileEntry, FileId, Result } from '@pandesk/contract';
import { describeError, describeNameProblem } from './errors';
import type { ActionDeps } from './deps';

/** File operations: names are checked before any request; failures become toasts with retry. */
export interface FileActions {
  /** Resolves to an inline error message, or null when the folder was created. */
  mkdir(name: string): Promise<string | null>;
  /** Resolves to an inline error message, or null when renamed. */
  rename(id: FileId, name: string): Promise<string | null>;
  move(ids: readonly FileId[], targetFolderId: FileId): Promise<boolean>;
  trash(entries: readonly FileEntry[]): Promise<boolean>;
  /** To the original folders, or into `targetFolderId` (for items whose folder is gone). */
  restore(ids: readonly FileId[], targetFolderId?: FileId): Promise<boolean>;
  /** Ctrl+X: remembers the selection; `paste` moves it into the current folder. */
  cut(ids: readonly FileId[]): void;
  paste(): Promise<boolean>;
  deleteForever(ids: readonly FileId[]): Promise<boolean>;
  /** Shows an error toast; `retry` offered when the error says retrying may work. */
  reportError(actionKey: string, error: ApiError, retry?: () => void): void;
}

export function createFileActions(deps: ActionDeps): FileActions {
  const { bridge, browser, ui, i18n } = deps;
  const t = i18n.t.bind(i18n);

  function reportError(actionKey: string, error: ApiError, retry?: () => void): void {
    const message = t('errors.failed', {
      action: t(`action.${actionKey}`),
      message: describeError(t, error),
    });
    ui.getState().pushToast({ kind: 'error', message, ...(error.retryable && retry ? { retry } : {}) });
  }
  const info = (message: string): void => void ui.getState().pushToast({ kind: 'info', message });

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

  /** Errors the user fixes by changing the name are shown inline; the rest as toasts. */
  function inline(result: Result<unknown>, key: string): string | null {
    if (result.ok) return null;
    if (result.error.code === 'name_conflict' || result.error.code === 'invalid_name')
      return describeError(t, result.error);
    reportError(key, result.error);
    return describeError(t, result.error);
  }

  const api: FileActions = {
    reportError,
    async mkdir(name) {
      const problem = describeNameProblem(t, checkName(name));
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
      const problem = describeNameProblem(t, checkName(name));
      if (problem !== null) return problem;
      const result = await bridge.files.rename({ id, name });
      if (result.ok) browser.getState().patchEntry(id, { name });
      return inline(result, 'rename');
    },
    move(ids, targetFolderId) {
      const movable = ids.filter((id) => id !== targetFolderId);
      if (movable.length === 0) return Promise.resolve(false);
      return run(
        'move',
        () => bridge.files.move({ ids: movable, targetFolderId }),
        () => {
          if (currentFolder() !== targetFolderId) browser.getState().removeEntries(movable);
          info(t('toast.moved', { count: movable.length }));
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
          info(t('toast.trashed', { count: ids.length }));
        },
      );
    },
    cut(ids) {
      if (ids.length === 0) return;
      ui.getState().setClipboard(ids);
      info(t('toast.cut', { count: ids.length }));
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
          if (value.restored.length > 0) info(t('toast.restored', { count: value.restored.length }));
          if (value.needsTarget.length > 0)
            ui.getState().pushToast({
              kind: 'error',
              message: t('errors.restoreNeedsTarget', { count: value.needsTarget.length }),
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
          info(t('toast.deleted', { count: ids.length }));
        },
      );
    },
  };
  return api;
}

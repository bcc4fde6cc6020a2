import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ConflictPolicy, FileEntry, TransferItem } from '@pandesk/contract';
import type { DragPayload } from '../lib/dnd';
import type { Words } from '../lib/words';

/**
 * A message shown in the corner, kept as words (it follows a language switch); `retry` repeats
 * the failed action; `extra` are details lines that are not the service's (e.g. a host's own text).
 */
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: Words;
  retry?: () => void;
  extra?: readonly string[];
}

export interface ConflictRequest {
  clashes: readonly string[];
  initial: ConflictPolicy;
  resolve(answer: { policy: ConflictPolicy; remember: boolean } | null): void;
}

export type Dialog =
  | { kind: 'settings' }
  | { kind: 'new-folder' }
  | { kind: 'move'; ids: readonly number[]; restore?: boolean }
  | { kind: 'save-to'; entries: readonly FileEntry[] }
  | { kind: 'confirm-trash'; entries: readonly FileEntry[] }
  | { kind: 'confirm-delete-forever'; entries: readonly FileEntry[] }
  | { kind: 'conflict'; request: ConflictRequest }
  | { kind: 'add-place' }
  | { kind: 'transfer-details'; item: TransferItem }
  | { kind: 'share'; entries: readonly FileEntry[] }
  | { kind: 'my-shares' }
  | { kind: 'cloud-download'; folderId: number }
  | { kind: 'properties'; entries: readonly FileEntry[] };

export interface ContextMenuState {
  x: number;
  y: number;
  /** A folder of the sidebar tree; absent: the file list's selection (or its background). */
  treeFolderId?: number;
}

/** What the main pane shows: the file browser, or the Sync view. */
export type MainView = 'files' | 'sync';

/** Purely visual state: dialogs, toasts, in-place rename, context menu, panel collapse. */
export interface UiState {
  view: MainView;
  setView(view: MainView): void;
  toasts: readonly Toast[];
  dialog: Dialog | null;
  renamingId: number | null;
  contextMenu: ContextMenuState | null;
  transfersOpen: boolean;
  /** The quick preview overlay (Space) of the list's focused item is open. */
  previewOpen: boolean;
  setPreviewOpen(open: boolean): void;
  /**
   * The internal drag in progress. Browsers hide drag data until drop (dragover sees only the
   * types), so the app remembers what it started to decide drop targets early.
   */
  drag: DragPayload | null;
  setDrag(drag: DragPayload | null): void;
  /** Items cut (Ctrl+X) or copied (Ctrl+C) waiting to be pasted into a folder. */
  clipboard: readonly number[] | null;
  /** `cut`: paste moves the items; `copy`: paste copies them. */
  clipboardMode: 'cut' | 'copy';
  setClipboard(ids: readonly number[] | null, mode?: 'cut' | 'copy'): void;
  pushToast(toast: Omit<Toast, 'id'>): number;
  dismissToast(id: number): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  startRename(id: number | null): void;
  openContextMenu(menu: ContextMenuState | null): void;
  setTransfersOpen(open: boolean): void;
  /** Asks the conflict question; resolves `null` when the dialog is cancelled. */
  askConflict(
    clashes: readonly string[],
    initial: ConflictPolicy,
  ): Promise<{ policy: ConflictPolicy; remember: boolean } | null>;
}

export type UiStore = StoreApi<UiState>;

const MAX_TOASTS = 5;

export function createUiStore(): UiStore {
  let nextToast = 1;
  return createStore<UiState>()((set, get) => ({
    view: 'files',
    setView: (view) => set({ view }),
    toasts: [],
    dialog: null,
    renamingId: null,
    contextMenu: null,
    transfersOpen: true,
    previewOpen: false,
    setPreviewOpen: (previewOpen) => set({ previewOpen, contextMenu: null }),
    drag: null,
    setDrag: (drag) => set({ drag }),
    clipboard: null,
    clipboardMode: 'cut',
    setClipboard: (clipboard, clipboardMode = 'cut') => set({ clipboard, clipboardMode }),
    pushToast(toast) {
      const id = nextToast++;
      set({ toasts: [...get().toasts, { ...toast, id }].slice(-MAX_TOASTS) });
      return id;
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    openDialog: (dialog) => set({ dialog, contextMenu: null }),
    closeDialog: () => set({ dialog: null }),
    startRename: (renamingId) => set({ renamingId, contextMenu: null }),
    openContextMenu: (contextMenu) => set({ contextMenu }),
    setTransfersOpen: (transfersOpen) => set({ transfersOpen }),
    askConflict(clashes, initial) {
      return new Promise((resolve) => {
        const request: ConflictRequest = {
          clashes,
          initial,
          resolve: (answer) => {
            set({ dialog: null });
            resolve(answer);
          },
        };
        set({ dialog: { kind: 'conflict', request } });
      });
    },
  }));
}

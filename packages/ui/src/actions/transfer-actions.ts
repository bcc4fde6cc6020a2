import type { FileEntry, FileId, TransferItem } from '@pandesk/contract';

/** What a download needs from a listing entry (internal drag payloads carry exactly this). */
export type DownloadableEntry = Pick<FileEntry, 'id' | 'name' | 'kind' | 'size' | 'md5'>;
import { createDownloadLinkCache } from '../lib/download-links';
import { baseName, createConflictMemory, existingNames } from './conflicts';
import type { ActionDeps } from './deps';
import type { FileActions } from './file-actions';

/** Uploads (drop, pick), downloads (button, save-to, place drop) and queue control. */
export interface TransferActions {
  /** Enqueues local paths for upload, asking the conflict question once if names clash. */
  upload(paths: readonly string[], targetFolderId: FileId): Promise<boolean>;
  /** OS drop: stage through the host, then upload. */
  uploadDropped(
    data: { files: File[]; items?: DataTransferItemList | null },
    targetFolderId: FileId,
  ): Promise<boolean>;
  pickAndUpload(mode: 'files' | 'folder'): Promise<boolean>;
  canPick(): boolean;
  download(entries: readonly DownloadableEntry[], localDir?: string): Promise<boolean>;
  /** Always-working download path: browser save (web) or a chosen folder (desktop / typed path). */
  saveTo(entries: readonly FileEntry[]): Promise<void>;
  control(action: 'pause' | 'resume' | 'cancel' | 'retry', items?: readonly TransferItem[]): Promise<void>;
  moveToTop(item: TransferItem): Promise<void>;
  clearFinished(): Promise<void>;
  clearFailed(): Promise<void>;
  /** Browser host: gets a link ready for a file the user pressed, in case they drag it out. */
  prepareDragOut(fileId: FileId): void;
  /** The link readied for this file (used up by the call), or undefined when none is ready. */
  takeDragOutUrl(fileId: FileId): string | undefined;
}

export function createTransferActions(deps: ActionDeps, files: FileActions): TransferActions {
  const { bridge, host, session, browser, ui, i18n } = deps;
  const t = i18n.t.bind(i18n);
  const memory = createConflictMemory();
  const dragLinks = createDownloadLinkCache(bridge);
  const info = (key: string, values: Record<string, string | number>): void =>
    void ui.getState().pushToast({ kind: 'info', text: { key, values } });

  async function choosePolicy(
    names: readonly string[],
    folderId: FileId,
  ): Promise<TransferItem['conflict'] | null> {
    const fallback = session.getState().settings?.conflictDefault ?? 'keep_both';
    if (memory.policy !== null) return memory.policy;
    const existing = await existingNames(bridge, browser, folderId);
    if (!existing.ok) return fallback;
    const clashes = names.filter((n) => existing.value.has(n));
    if (clashes.length === 0) return fallback;
    const answer = await ui.getState().askConflict(clashes, fallback);
    if (answer === null) return null;
    if (answer.remember) {
      memory.policy = answer.policy;
      void bridge.settings.update({ conflictDefault: answer.policy });
    }
    return answer.policy;
  }

  async function upload(paths: readonly string[], targetFolderId: FileId): Promise<boolean> {
    if (paths.length === 0) return false;
    const conflict = await choosePolicy(paths.map(baseName), targetFolderId);
    if (conflict === null) return false;
    const result = await bridge.transfers.upload({
      localPaths: [...paths],
      remoteParentId: targetFolderId,
      conflict,
    });
    if (!result.ok) {
      files.reportError('upload', result.error, () => void upload(paths, targetFolderId));
      return false;
    }
    info('toast.uploadQueued', { count: paths.length });
    return true;
  }

  async function download(entries: readonly DownloadableEntry[], localDir?: string): Promise<boolean> {
    const settings = session.getState().settings;
    const dir = localDir ?? settings?.downloadFolder;
    if (entries.length === 0 || !dir) return false;
    const sources = entries.map((e) => ({
      fileId: e.id,
      name: e.name,
      type: e.kind,
      ...(e.kind === 'file' ? { size: e.size, ...(e.md5 ? { etag: e.md5 } : {}) } : {}),
    }));
    const result = await bridge.transfers.download({
      sources,
      localDir: dir,
      conflict: settings?.conflictDefault ?? 'keep_both',
    });
    if (!result.ok) {
      files.reportError('download', result.error, () => void download(entries, localDir));
      return false;
    }
    info('toast.downloadQueued', { count: entries.length, dir });
    return true;
  }

  const nativeDialogs = (): boolean => session.getState().info?.capabilities.nativeDialogs === true;

  return {
    upload,
    download,
    async uploadDropped(data, targetFolderId) {
      try {
        const paths = await host.stageFiles(data);
        return await upload(paths, targetFolderId);
      } catch (error) {
        // The host's own words (not the back end's) go to the details, the summary is ours.
        const message = error instanceof Error ? error.message : String(error);
        ui.getState().pushToast({
          kind: 'error',
          text: { key: 'errors.uploadStageFailed' },
          extra: [message],
        });
        return false;
      }
    },
    canPick: () => host.pickForUpload !== undefined || nativeDialogs(),
    async pickAndUpload(mode) {
      const here = browser.getState().location;
      if (here.kind !== 'folder') return false;
      let paths: readonly string[] = [];
      if (host.pickForUpload) paths = await host.pickForUpload(mode);
      else if (nativeDialogs()) {
        const chosen = await bridge.app.choosePaths({
          mode: mode === 'files' ? 'open_files' : 'open_folders',
          title: t(mode === 'files' ? 'toolbar.uploadFiles' : 'toolbar.uploadFolder'),
        });
        paths = chosen.ok ? chosen.value.paths : [];
      }
      return upload(paths, here.folderId);
    },
    async saveTo(entries) {
      if (entries.length === 0) return;
      if (nativeDialogs()) {
        const chosen = await bridge.app.choosePaths({
          mode: 'choose_folder',
          title: t('dialog.saveToTitle'),
        });
        const dir = chosen.ok ? chosen.value.paths[0] : undefined;
        if (dir !== undefined) await download(entries, dir);
        return;
      }
      const fileEntries = entries.filter((e) => e.kind === 'file');
      if (host.browserDownloads === true && fileEntries.length === entries.length) {
        for (const entry of fileEntries) {
          const link = await bridge.app.downloadLink({ fileId: entry.id });
          if (link.ok) triggerBrowserDownload(link.value.url, entry.name);
          else files.reportError('download', link.error);
        }
        return;
      }
      ui.getState().openDialog({ kind: 'save-to', entries });
    },
    async control(action, items) {
      const ids = items?.map((i) => i.id);
      const result = await bridge.transfers[action](ids && ids.length > 0 ? { ids } : {});
      if (!result.ok) files.reportError('transfers', result.error);
    },
    async moveToTop(item) {
      const result = await bridge.transfers.moveToTop({ ids: [item.id] });
      if (!result.ok) files.reportError('transfers', result.error);
    },
    async clearFinished() {
      const result = await bridge.transfers.clearFinished();
      if (!result.ok) files.reportError('transfers', result.error);
    },
    async clearFailed() {
      const result = await bridge.transfers.clearFailed();
      if (!result.ok) files.reportError('transfers', result.error);
    },
    prepareDragOut(fileId) {
      if (host.browserDownloads === true) dragLinks.prefetch(fileId);
    },
    takeDragOutUrl: (fileId) => (host.browserDownloads === true ? dragLinks.take(fileId) : undefined),
  };
}

/** Lets the browser save a file itself through a temporary link (web host download route). */
function triggerBrowserDownload(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

import type { ApiError, CreateShareInput, FileEntry, FileId, Result, ShareLink } from '@pandesk/contract';
import { writeToClipboard } from './clipboard';
import type { ActionDeps } from './deps';

/** Share links, direct links, cloud downloads and the cloud task list; failures become toasts. */
export interface CloudActions {
  /** The text copied for a share: its link, and its extraction code when it has one. */
  shareLinkText(share: Pick<ShareLink, 'url' | 'extractionCode'>): string;
  copyShareLink(share: Pick<ShareLink, 'url' | 'extractionCode'>): Promise<boolean>;
  /** The dialog shows a failure itself, so it gets the Result. */
  createShare(input: CreateShareInput): Promise<Result<ShareLink>>;
  /** The account has VIP or developer benefits (or is not known yet). */
  hasDirectLinkBenefit(): boolean;
  /** A folder PanDesk enabled direct links on. */
  isDirectLinkFolder(folderId: FileId): boolean;
  /** The entry sits (at any depth) inside a folder with direct links, as far as the app knows its parents. */
  inDirectLinkFolder(entry: Pick<FileEntry, 'parentId'>): boolean;
  setDirectLinks(folder: FileEntry, enabled: boolean): Promise<boolean>;
  copyDirectLink(file: FileEntry): Promise<boolean>;
  /** Submits cloud downloads and shows their progress in the transfers panel. */
  cloudDownload(urls: readonly string[], folderId: FileId): Promise<boolean>;
  clearFinishedCloudTasks(): Promise<void>;
  reportCloudError(actionKey: string, error: ApiError): void;
}

/** Parents walked at most when looking for an enabled folder (a guard against a cycle). */
const MAX_DEPTH = 256;

export function createCloudActions(deps: ActionDeps): CloudActions {
  const { bridge, session, browser, cloud, ui, i18n } = deps;
  const t = i18n.t.bind(i18n);
  const info = (key: string, values: Record<string, string | number> = {}): void =>
    void ui.getState().pushToast({ kind: 'info', text: { key, values } });

  /** `actionKey` names the action under `action.`; the error is worded from its reason. */
  function reportCloudError(actionKey: string, error: ApiError): void {
    ui.getState().pushToast({ kind: 'error', text: { error, action: actionKey } });
  }

  const enabled = (): ReadonlySet<FileId> => new Set(cloud.getState().directLinks?.enabledFolderIds ?? []);

  const api: CloudActions = {
    reportCloudError,
    shareLinkText: (share) =>
      share.extractionCode === null
        ? share.url
        : t('share.linkWithCode', { url: share.url, code: share.extractionCode }),
    copyShareLink: (share) => writeToClipboard(deps, api.shareLinkText(share), { key: 'share.copied' }),
    createShare: (input) => bridge.shares.create(input),
    hasDirectLinkBenefit() {
      const auth = session.getState().auth;
      if (auth?.state !== 'signed_in' && auth?.state !== 'demo') return true;
      return auth.account.vipLevel > 0 || auth.account.developer;
    },
    isDirectLinkFolder: (folderId) => enabled().has(folderId),
    inDirectLinkFolder(entry) {
      const ids = enabled();
      const known = browser.getState().known;
      let id: FileId | undefined = entry.parentId;
      for (let depth = 0; id !== undefined && depth < MAX_DEPTH; depth++) {
        if (ids.has(id)) return true;
        id = known.get(id)?.parentId;
      }
      return false;
    },
    async setDirectLinks(folder, on) {
      const result = on
        ? await bridge.directLinks.enable({ folderId: folder.id })
        : await bridge.directLinks.disable({ folderId: folder.id });
      if (!result.ok) {
        reportCloudError(on ? 'enableDirectLinks' : 'disableDirectLinks', result.error);
        return false;
      }
      cloud.getState().setDirectLinks(result.value);
      info(on ? 'directLink.enabled' : 'directLink.disabled', { name: folder.name });
      return true;
    },
    async copyDirectLink(file) {
      const result = await bridge.directLinks.url({ fileId: file.id });
      if (!result.ok) {
        reportCloudError('directLink', result.error);
        return false;
      }
      return writeToClipboard(deps, result.value.url, {
        key: result.value.signed ? 'directLink.copiedSigned' : 'directLink.copied',
        values: { name: file.name },
      });
    },
    async cloudDownload(urls, folderId) {
      const result = await bridge.cloud.download({ urls: [...urls], folderId });
      if (!result.ok) {
        reportCloudError('cloudDownload', result.error);
        return false;
      }
      ui.getState().setTransfersOpen(true);
      cloud.getState().setShowTasks(true);
      info('cloudDownload.submitted', { count: result.value.length });
      return true;
    },
    async clearFinishedCloudTasks() {
      const result = await bridge.cloud.clearFinished();
      if (!result.ok) reportCloudError('cloudTasks', result.error);
    },
  };
  return api;
}

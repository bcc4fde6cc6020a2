import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLOUD_DOWNLOAD_URLS, ROOT_FOLDER_ID, isCloudDownloadUrl } from '@pandesk/contract';
import type { FileId } from '@pandesk/contract';
import { useApp } from '../../context';
import { FolderPicker } from './folder-picker';
import { Modal } from './modal';

export interface UrlCheck {
  /** Distinct addresses, in the order typed. */
  urls: string[];
  /** 1-based line numbers that are not http(s) addresses. */
  badLines: number[];
}

/** One address per line; blank lines are ignored, repeats dropped. */
export function checkUrls(text: string): UrlCheck {
  const urls: string[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const url = line.trim();
    if (url === '') return;
    if (!isCloudDownloadUrl(url)) badLines.push(i + 1);
    else if (!urls.includes(url)) urls.push(url);
  });
  return { urls, badLines };
}

/** Download from URL to cloud: the service fetches each address into the chosen folder. */
export function CloudDownloadDialog({ folderId }: { folderId: FileId }) {
  const { t } = useTranslation();
  const { ui, actions } = useApp();
  const [text, setText] = useState('');
  const [target, setTarget] = useState<FileId>(folderId);
  const [busy, setBusy] = useState(false);
  const close = (): void => ui.getState().closeDialog();
  const check = checkUrls(text);
  const tooMany = check.urls.length > MAX_CLOUD_DOWNLOAD_URLS;
  const ready = check.urls.length > 0 && check.badLines.length === 0 && !tooMany;

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    const submitted = await actions.cloudDownload(check.urls, target);
    setBusy(false);
    if (submitted) close();
  }

  return (
    <Modal title={t('cloudDownload.title')} onClose={close} testId="cloud-download-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('cloudDownload.urls')}
          <textarea
            rows={5}
            value={text}
            spellCheck={false}
            placeholder="https://example.com/file.iso"
            aria-invalid={check.badLines.length > 0}
            data-testid="cloud-download-urls"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <p className="pd-hint">{t('cloudDownload.hint')}</p>
        {check.badLines.length > 0 && (
          <p role="alert" className="pd-inline-error" data-testid="cloud-download-problem">
            {t('cloudDownload.badLines', { count: check.badLines.length, lines: check.badLines.join(', ') })}
          </p>
        )}
        {tooMany && (
          <p role="alert" className="pd-inline-error">
            {t('cloudDownload.tooMany', { count: MAX_CLOUD_DOWNLOAD_URLS })}
          </p>
        )}
        <fieldset>
          <legend>{t('cloudDownload.target')}</legend>
          <FolderPicker value={target} onChange={setTarget} />
          {target === ROOT_FOLDER_ID && <p className="pd-hint">{t('cloudDownload.rootHint')}</p>}
        </fieldset>
        <div className="pd-dialog-footer">
          <button type="button" onClick={close}>
            {t('dialog.cancel')}
          </button>
          <button
            type="submit"
            className="pd-primary"
            disabled={busy || !ready}
            data-testid="cloud-download-submit"
          >
            {t('cloudDownload.submit', { count: check.urls.length })}
          </button>
        </div>
      </form>
    </Modal>
  );
}

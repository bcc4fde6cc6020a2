import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileEntry } from '@pandesk/contract';
import { useApp } from '../../context';
import { Modal } from './modal';

/**
 * A local folder typed by hand, for hosts without native dialogs: "Save to…" a folder on the
 * computer running the back end, or add a local place.
 */
export function PathDialog({
  purpose,
  entries,
}: {
  purpose: 'save-to' | 'add-place';
  entries?: readonly FileEntry[];
}) {
  const { t } = useTranslation();
  const { ui, actions, bridge, session } = useApp();
  const [path, setPath] = useState(
    purpose === 'save-to' ? (session.getState().settings?.downloadFolder ?? '') : '',
  );
  const [error, setError] = useState<string | null>(null);
  const close = (): void => ui.getState().closeDialog();
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!path.trim()) return;
    if (purpose === 'save-to') {
      close();
      await actions.download(entries ?? [], path.trim());
      return;
    }
    const result = await bridge.places.add({ path: path.trim() });
    if (result.ok) close();
    else setError(result.error.message);
  }
  return (
    <Modal
      title={purpose === 'save-to' ? t('dialog.saveToTitle') : t('sidebar.addPlace')}
      onClose={close}
      testId="path-dialog"
    >
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('dialog.choosePath')}
          <input value={path} onChange={(e) => setPath(e.target.value)} data-testid="path-input" />
        </label>
        {error && (
          <p role="alert" className="pd-inline-error">
            {error}
          </p>
        )}
        <div className="pd-dialog-footer">
          <button type="button" onClick={close}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="pd-primary" disabled={!path.trim()}>
            {t('dialog.ok')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

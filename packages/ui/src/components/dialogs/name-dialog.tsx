import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkName } from '@pandesk/contract';
import { useApp } from '../../context';
import { describeNameProblem } from '../../actions/errors';
import { Modal } from './modal';

/** New folder: the name is checked while typing; conflicts from the back end show inline too. */
export function NewFolderDialog() {
  const { t } = useTranslation();
  const { ui, actions } = useApp();
  const [name, setName] = useState(t('list.newFolderName'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = (): void => ui.getState().closeDialog();
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    const failure = await actions.mkdir(name);
    setBusy(false);
    if (failure === null) close();
    else setError(failure);
  }
  return (
    <Modal title={t('dialog.newFolderTitle')} onClose={close} testId="new-folder-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('dialog.folderName')}
          <input
            value={name}
            aria-invalid={error !== null}
            data-testid="new-folder-name"
            onChange={(e) => {
              setName(e.target.value);
              setError(describeNameProblem(t, checkName(e.target.value)));
            }}
          />
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
          <button type="submit" className="pd-primary" disabled={busy || error !== null}>
            {t('dialog.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

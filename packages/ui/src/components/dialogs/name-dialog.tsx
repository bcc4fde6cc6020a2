import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkName } from '@pandesk/contract';
import { useApp } from '../../context';
import { describeInline, nameProblem } from '../../actions/errors';
import type { InlineProblem } from '../../actions/errors';
import { Modal } from './modal';

/**
 * New folder: the name is checked while typing; the service's refusal shows inline too. Only a
 * name that breaks the rules holds Create back: after any other failure (a clash, the service
 * down) Create stays available, so trying again needs no change of name.
 */
export function NewFolderDialog() {
  const { t } = useTranslation();
  const { ui, actions } = useApp();
  const [name, setName] = useState(t('list.newFolderName'));
  const [problem, setProblem] = useState<InlineProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const close = (): void => ui.getState().closeDialog();
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    const failure = await actions.mkdir(name);
    setBusy(false);
    if (failure === null) close();
    else setProblem(failure);
  }
  const breaksRules = problem !== null && 'check' in problem;
  return (
    <Modal title={t('dialog.newFolderTitle')} onClose={close} testId="new-folder-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('dialog.folderName')}
          <input
            value={name}
            aria-invalid={problem !== null}
            data-testid="new-folder-name"
            onChange={(e) => {
              setName(e.target.value);
              setProblem(nameProblem(checkName(e.target.value)));
            }}
          />
        </label>
        {problem && (
          <p role="alert" className="pd-inline-error" data-testid="new-folder-error">
            {describeInline(t, problem)}
          </p>
        )}
        <div className="pd-dialog-footer">
          <button type="button" onClick={close}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="pd-primary" disabled={busy || breaksRules}>
            {t('dialog.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useTranslation } from 'react-i18next';
import type { FileEntry } from '@pandesk/contract';
import { useApp } from '../../context';
import { Modal } from './modal';

/** Destructive actions are confirmed: trash (restorable) and delete for good (not). */
export function ConfirmDialog({ entries, forever }: { entries: readonly FileEntry[]; forever: boolean }) {
  const { t } = useTranslation();
  const { ui, actions } = useApp();
  const close = (): void => ui.getState().closeDialog();
  const vars = { count: entries.length, name: entries[0]?.name ?? '' };
  const confirm = (): void => {
    close();
    if (forever) void actions.deleteForever(entries.map((e) => e.id));
    else void actions.trash(entries);
  };
  return (
    <Modal
      title={forever ? t('dialog.deleteForeverTitle') : t('dialog.trashTitle')}
      onClose={close}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" onClick={close}>
            {t('dialog.cancel')}
          </button>
          <button type="button" className="pd-primary pd-danger" onClick={confirm}>
            {forever ? t('toolbar.deleteForever') : t('toolbar.delete')}
          </button>
        </>
      }
    >
      <p>{forever ? t('dialog.deleteForeverBody', vars) : t('dialog.trashBody', vars)}</p>
    </Modal>
  );
}

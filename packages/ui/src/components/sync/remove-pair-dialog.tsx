import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import { Modal } from '../dialogs/modal';
import { runSyncIntent } from './sync-intents';

/** Confirms removing a pair (its files stay on both sides). */
export function RemovePairDialog({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const pair = useSlice(app.sync, (s) => s.pairs.find((p) => p.id === pairId));
  const close = (): void => app.sync.getState().open(null);
  return (
    <Modal
      title={t('sync.removeDialog.title')}
      onClose={close}
      testId="sync-remove-dialog"
      footer={
        <>
          <button type="button" onClick={close}>
            {t('dialog.cancel')}
          </button>
          <button
            type="button"
            className="pd-primary"
            onClick={() => {
              close();
              void runSyncIntent(app, t, () => app.bridge.sync.remove({ id: pairId }));
            }}
          >
            {t('sync.removeDialog.remove')}
          </button>
        </>
      }
    >
      <p>
        {t('sync.removeDialog.body', {
          local: pair?.config.localPath ?? '',
          cloud: pair?.config.remotePath ?? '',
        })}
      </p>
    </Modal>
  );
}

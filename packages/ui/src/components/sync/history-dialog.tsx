import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRunView } from '@pandesk/contract';
import { useApp } from '../../context';
import { formatDate } from '../../lib/format';
import { Modal } from '../dialogs/modal';
import { runSyncIntent } from './sync-intents';
import { syncProblemText } from './problem-text';

/** The pair's last runs, newest first. */
export function HistoryDialog({ pairId }: { pairId: string }) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const [runs, setRuns] = useState<readonly SyncRunView[] | null>(null);
  const close = (): void => app.sync.getState().open(null);
  useEffect(() => {
    void runSyncIntent(app, t, () => app.bridge.sync.history({ id: pairId })).then(setRuns);
  }, [app, pairId]);
  return (
    <Modal
      title={t('sync.historyDialog.title')}
      onClose={close}
      testId="sync-history-dialog"
      footer={
        <button type="button" onClick={close}>
          {t('sync.plan.close')}
        </button>
      }
    >
      {runs !== null && runs.length === 0 && <p>{t('sync.historyDialog.none')}</p>}
      <ul className="pd-sync-steps">
        {(runs ?? []).map((r) => (
          <li key={r.id} data-testid="sync-run">
            {formatDate(i18n.language, r.finishedAt ?? r.startedAt)} —{' '}
            {t(`sync.outcome.${r.outcome ?? 'failed'}`, { count: r.failedActions })}
            <div className="pd-sync-meta">
              {t('sync.counts', { ...r.counts, trashed: r.counts.trashLocal + r.counts.trashRemote })}
            </div>
            {r.error && <div className="pd-sync-problem">{syncProblemText(t, r.error)}</div>}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

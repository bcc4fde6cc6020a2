import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict, SyncConflictChoice } from '@pandesk/contract';
import { useApp } from '../../context';
import { formatDate } from '../../lib/format';
import { Modal } from '../dialogs/modal';
import { runSyncIntent } from './sync-intents';

/** The pair's conflicts, each with keep both / keep local / keep cloud. */
export function ConflictsDialog({ pairId }: { pairId: string }) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const [list, setList] = useState<readonly SyncConflict[] | null>(null);
  const close = (): void => app.sync.getState().open(null);
  const load = useCallback(async () => {
    setList(await runSyncIntent(app, t, () => app.bridge.sync.conflicts({ id: pairId })));
  }, [app, pairId]);
  useEffect(() => void load(), [load]);
  const choose = (conflictId: string, choice: SyncConflictChoice) => async (): Promise<void> => {
    await runSyncIntent(app, t, () => app.bridge.sync.resolveConflict({ id: pairId, conflictId, choice }));
    await load();
  };
  return (
    <Modal
      title={t('sync.conflictsDialog.title')}
      onClose={close}
      testId="sync-conflicts-dialog"
      wide
      footer={
        <button type="button" onClick={close}>
          {t('sync.plan.close')}
        </button>
      }
    >
      {list !== null && list.length === 0 && <p>{t('sync.conflictsDialog.none')}</p>}
      <ul className="pd-sync-steps">
        {(list ?? []).map((c) => (
          <li key={c.id} data-testid="sync-conflict">
            <strong>{c.path}</strong> — {formatDate(i18n.language, c.detectedAt)}
            <div className="pd-sync-meta">{t('sync.conflictsDialog.explain', { copy: c.copyPath })}</div>
            <div className="pd-sync-actions">
              <button type="button" onClick={() => void choose(c.id, 'keep_both')()}>
                {t('sync.conflictsDialog.keepBoth')}
              </button>
              <button type="button" onClick={() => void choose(c.id, 'keep_local')()}>
                {t('sync.conflictsDialog.keepLocal')}
              </button>
              <button type="button" onClick={() => void choose(c.id, 'keep_cloud')()}>
                {t('sync.conflictsDialog.keepCloud')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../actions/errors';
import { useApp, useSlice } from '../../context';
import { AddPairDialog } from './add-pair-dialog';
import { ConflictsDialog } from './conflicts-dialog';
import { HistoryDialog } from './history-dialog';
import { PairCard } from './pair-card';
import { PlanDialog } from './plan-dialog';
import { RemovePairDialog } from './remove-pair-dialog';
import { runSyncIntent } from './sync-intents';

/** The Sync view: every pair with its state, the add-pair flow and the sync dialogs. */
export function SyncView() {
  const { t } = useTranslation();
  const app = useApp();
  const pairs = useSlice(app.sync, (s) => s.pairs);
  const error = useSlice(app.sync, (s) => s.error);
  const dialog = useSlice(app.sync, (s) => s.dialog);
  const allPaused = pairs.length > 0 && pairs.every((p) => p.paused);
  useEffect(() => void app.sync.getState().load(), [app]);
  return (
    <section className="pd-sync" data-testid="sync-view" aria-label={t('sync.title')}>
      <header className="pd-sync-header">
        <h2>{t('sync.title')}</h2>
        <button type="button" onClick={() => app.ui.getState().setView('files')}>
          {t('sync.back')}
        </button>
        <button
          type="button"
          className="pd-primary"
          data-testid="sync-add"
          onClick={() => app.sync.getState().open({ kind: 'add' })}
        >
          {t('sync.add')}
        </button>
        {pairs.length > 0 && (
          <button
            type="button"
            data-testid="sync-pause-all"
            onClick={() => void runSyncIntent(app, t, () => app.bridge.sync.pauseAll({ paused: !allPaused }))}
          >
            {t(allPaused ? 'sync.resumeAll' : 'sync.pauseAll')}
          </button>
        )}
      </header>
      {error && <div className="pd-sync-problem">{describeError(t, error)}</div>}
      {pairs.length === 0 ? (
        <p className="pd-sync-empty">{t('sync.empty')}</p>
      ) : (
        <ul className="pd-sync-list">
          {pairs.map((pair) => (
            <PairCard key={pair.id} pair={pair} />
          ))}
        </ul>
      )}
      {dialog?.kind === 'add' && <AddPairDialog />}
      {dialog?.kind === 'plan' && <PlanDialog pairId={dialog.pairId} dryRun={dialog.dryRun} />}
      {dialog?.kind === 'conflicts' && <ConflictsDialog pairId={dialog.pairId} />}
      {dialog?.kind === 'history' && <HistoryDialog pairId={dialog.pairId} />}
      {dialog?.kind === 'remove' && <RemovePairDialog pairId={dialog.pairId} />}
    </section>
  );
}

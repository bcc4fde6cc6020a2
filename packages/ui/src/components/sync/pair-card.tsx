import { useTranslation } from 'react-i18next';
import type { Result, SyncPairView, SyncSchedule } from '@pandesk/contract';
import { useApp } from '../../context';
import { formatDate } from '../../lib/format';
import { runSyncIntent } from './sync-intents';
import { syncProblemText } from './problem-text';

function scheduleText(t: (key: string, values?: Record<string, unknown>) => string, s: SyncSchedule): string {
  if (s.kind === 'window')
    return t('sync.schedule.window', { minutes: s.minutes, start: s.start, end: s.end });
  return t(`sync.schedule.${s.kind}`, { minutes: s.minutes });
}

/** One pair: its folders, mode and schedule, what it is doing, its last and next run, and its actions. */
export function PairCard({ pair }: { pair: SyncPairView }) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const { bridge } = app;
  const store = app.sync;
  const when = (ms: number) => formatDate(i18n.language, ms);
  const last = pair.lastRun;
  const trashed = last ? last.counts.trashLocal + last.counts.trashRemote : 0;
  const intent =
    <T,>(work: () => Promise<Result<T>>) =>
    () =>
      void runSyncIntent(app, t, work);
  return (
    <li className="pd-sync-pair" data-testid="sync-pair" data-state={pair.state} data-id={pair.id}>
      <div className="pd-sync-pair-head">
        <strong className="pd-sync-paths">
          <span data-testid="sync-local">{pair.config.localPath}</span> ↔{' '}
          <span data-testid="sync-remote">{pair.config.remotePath}</span>
        </strong>
        <span className={`pd-sync-state is-${pair.state}`} data-testid="sync-state">
          {t(`sync.state.${pair.state}`)}
        </span>
      </div>
      <div className="pd-sync-meta">
        {t(`sync.mode.${pair.config.mode}`)} · {scheduleText(t, pair.config.schedule)}
      </div>
      {pair.progress && pair.state === 'running' && (
        <progress
          value={pair.progress.done}
          max={Math.max(1, pair.progress.total)}
          aria-label={t('sync.progress', pair.progress)}
        />
      )}
      {pair.problem && (
        <div className="pd-sync-problem" role="status" data-testid="sync-problem">
          {syncProblemText(t, pair.problem)}
        </div>
      )}
      <div className="pd-sync-meta">
        {last
          ? t('sync.lastRun', {
              time: when(last.finishedAt ?? last.startedAt),
              outcome: t(`sync.outcome.${last.outcome ?? 'failed'}`, { count: last.failedActions }),
            })
          : t('sync.neverRun')}
        {pair.nextRunAt !== null && <> · {t('sync.nextRun', { time: when(pair.nextRunAt) })}</>}
      </div>
      {last && (
        <div className="pd-sync-meta" data-testid="sync-counts">
          {t('sync.counts', { ...last.counts, trashed })}
        </div>
      )}
      <div className="pd-sync-meta">
        {pair.scan
          ? t('sync.scanCost', {
              calls: pair.scan.listCalls,
              folders: pair.scan.folders,
              seconds: pair.scan.minSeconds,
            })
          : t('sync.scanUnknown')}
      </div>
      {pair.openConflicts > 0 && (
        <div className="pd-sync-problem">{t('sync.conflicts', { count: pair.openConflicts })}</div>
      )}
      {pair.itemProblems.length > 0 && (
        <details className="pd-sync-meta">
          <summary>{t('sync.problems', { count: pair.itemProblems.length })}</summary>
          <ul>
            {pair.itemProblems.map((p) => (
              <li key={`${p.path ?? ''}:${p.message}`}>
                {p.path}: {syncProblemText(t, p)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="pd-sync-actions">
        {pair.pendingPlanId !== null && (
          <button
            type="button"
            className="pd-primary"
            data-testid="sync-show-plan"
            onClick={() => store.getState().open({ kind: 'plan', pairId: pair.id, dryRun: false })}
          >
            {t('sync.actions.showPlan')}
          </button>
        )}
        <button
          type="button"
          data-testid="sync-run-now"
          onClick={intent(() => bridge.sync.runNow({ id: pair.id }))}
        >
          {t('sync.actions.runNow')}
        </button>
        <button
          type="button"
          data-testid="sync-dry-run"
          onClick={() => store.getState().open({ kind: 'plan', pairId: pair.id, dryRun: true })}
        >
          {t('sync.actions.dryRun')}
        </button>
        <button
          type="button"
          data-testid="sync-conflicts"
          onClick={() => store.getState().open({ kind: 'conflicts', pairId: pair.id })}
        >
          {t('sync.actions.conflicts')}
        </button>
        <button type="button" onClick={() => store.getState().open({ kind: 'history', pairId: pair.id })}>
          {t('sync.actions.history')}
        </button>
        <button
          type="button"
          onClick={intent(() => bridge.sync.update({ id: pair.id, paused: !pair.paused }))}
        >
          {t(pair.paused ? 'sync.actions.resume' : 'sync.actions.pause')}
        </button>
        <button type="button" onClick={() => store.getState().open({ kind: 'remove', pairId: pair.id })}>
          {t('sync.actions.remove')}
        </button>
      </div>
    </li>
  );
}

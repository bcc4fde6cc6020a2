import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPlanView } from '@pandesk/contract';
import { useApp } from '../../context';
import { formatBytes } from '../../lib/format';
import { Modal } from '../dialogs/modal';
import { runSyncIntent } from './sync-intents';
import { syncProblemText } from './problem-text';

/** A pair's plan: the one waiting for confirmation, or a dry run made now. */
export function PlanDialog({ pairId, dryRun }: { pairId: string; dryRun: boolean }) {
  const { t } = useTranslation();
  const app = useApp();
  const [plan, setPlan] = useState<SyncPlanView | null | undefined>(undefined);
  const close = (): void => app.sync.getState().open(null);
  useEffect(() => {
    let live = true;
    const load = (): Promise<SyncPlanView | null> =>
      dryRun
        ? runSyncIntent(app, t, () => app.bridge.sync.dryRun({ id: pairId }))
        : runSyncIntent(app, t, () => app.bridge.sync.plan({ id: pairId }));
    void load().then((p) => {
      if (live) setPlan(p);
    });
    return () => {
      live = false;
    };
  }, [app, pairId, dryRun]);
  const decide = (accept: boolean) => async (): Promise<void> => {
    if (!plan) return;
    close();
    await runSyncIntent(app, t, () =>
      app.bridge.sync.confirmPlan({ id: pairId, planId: plan.planId, accept }),
    );
  };
  const c = plan?.counts;
  return (
    <Modal
      title={t(dryRun ? 'sync.plan.dryTitle' : 'sync.plan.title')}
      onClose={close}
      testId="sync-plan-dialog"
      wide
      footer={
        dryRun || !plan ? (
          <button type="button" onClick={close}>
            {t('sync.plan.close')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void decide(false)()}>
              {t('sync.plan.discard')}
            </button>
            <button
              type="button"
              className="pd-primary"
              data-testid="sync-plan-confirm"
              onClick={() => void decide(true)()}
            >
              {t('sync.plan.confirm')}
            </button>
          </>
        )
      }
    >
      {plan === undefined && <p>{t('sidebar.loadingChildren')}</p>}
      {plan && (
        <>
          {plan.reason === 'first_run' && <p>{t('sync.plan.firstRun')}</p>}
          {plan.reason === 'above_threshold' && <p>{t('sync.plan.aboveThreshold')}</p>}
          {c && (
            <p data-testid="sync-plan-counts">
              {t('sync.counts', { ...c, trashed: c.trashLocal + c.trashRemote })} —{' '}
              {t('sync.plan.bytes', { up: formatBytes(t, c.bytesUp), down: formatBytes(t, c.bytesDown) })}
            </p>
          )}
          <p className="pd-sync-meta">
            {t('sync.scanCost', {
              calls: plan.scan.listCalls,
              folders: plan.scan.folders,
              seconds: plan.scan.minSeconds,
            })}
          </p>
          {plan.totalActions === 0 ? (
            <p>{t('sync.plan.nothing')}</p>
          ) : (
            <ul className="pd-sync-steps" data-testid="sync-plan-steps">
              {plan.actions.map((a, i) => (
                <li key={`${i}:${a.path}`} data-kind={a.kind}>
                  {t(`sync.plan.kind.${a.kind}`)}: {a.path}
                  {a.toPath !== undefined && <> → {a.toPath}</>} {a.replaces && t('sync.plan.replaces')}
                </li>
              ))}
              {plan.totalActions > plan.actions.length && (
                <li>{t('sync.plan.more', { count: plan.totalActions - plan.actions.length })}</li>
              )}
            </ul>
          )}
          {plan.problems.length > 0 && (
            <details>
              <summary>{t('sync.plan.problems')}</summary>
              <ul>
                {plan.problems.map((p) => (
                  <li key={`${p.path ?? ''}:${p.message}`}>
                    {p.path}: {syncProblemText(t, p)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </Modal>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApp, useSlice } from '../../context';
import { observeRectWithFallback } from '../../lib/virtual';
import { VIEW_STATES } from '../../stores/transfers-store';
import type { TransferView } from '../../stores/transfers-store';
import { TRANSFER_ROW_HEIGHT, TransferRow } from './transfer-row';
import { CloudTaskList, CloudTasksActions, CloudTasksTab } from './cloud-task-list';

const VIEWS: readonly TransferView[] = ['active', 'failed', 'completed'];

function TransferList() {
  const { t } = useTranslation();
  const { transfers } = useApp();
  const total = useSlice(transfers, (s) => s.total);
  const rows = useSlice(transfers, (s) => s.rows);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => TRANSFER_ROW_HEIGHT,
    overscan: 6,
    observeElementRect: observeRectWithFallback,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) void transfers.getState().ensureRange(first, last + 1);
  }, [transfers, first, last, total]);

  if (total === 0) return <p className="pd-muted pd-transfers-empty">{t('transfers.empty')}</p>;
  return (
    <div ref={scroller} className="pd-transfer-scroller">
      <div
        role="list"
        aria-label={t('transfers.label')}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((v) => {
          const item = rows.get(v.index);
          const style = {
            position: 'absolute' as const,
            top: 0,
            left: 0,
            right: 0,
            height: TRANSFER_ROW_HEIGHT,
            transform: `translateY(${v.start}px)`,
          };
          return item ? (
            <TransferRow key={item.id} item={item} style={style} />
          ) : (
            <div key={`pending-${v.index}`} role="listitem" style={style} className="pd-transfer pd-muted" />
          );
        })}
      </div>
    </div>
  );
}

/** The queue: collapsible, never modal; active / failed / completed views with per-item and all-items actions. */
export function TransfersPanel() {
  const { t } = useTranslation();
  const { transfers, ui, actions, session, cloud } = useApp();
  const showTasks = useSlice(cloud, (s) => s.showTasks);
  const connecting = useSlice(
    session,
    (s) =>
      s.auth?.state === 'connecting' ||
      (s.auth?.state === 'auth_required' && s.auth.problem === 'unreachable'),
  );
  const summary = useSlice(transfers, (s) => s.summary);
  const count = (v: TransferView): number =>
    VIEW_STATES[v].reduce((sum, state) => sum + (summary?.byState[state] ?? 0), 0);
  // Said only when something is waiting: an empty queue has nothing to hold back.
  const blocked = summary?.authBlocked === true && count('active') > 0;
  const open = useSlice(ui, (s) => s.transfersOpen);
  const view = useSlice(transfers, (s) => s.view);
  // The transfer queue's view, or null while the cloud tasks are shown instead.
  const queueView = showTasks ? null : view;
  // No transfers to list (and no cloud tasks shown): the panel keeps just its header and one line.
  const empty = useSlice(transfers, (s) => s.total === 0) && !showTasks;
  return (
    <section
      className={`pd-transfers${open ? '' : ' is-collapsed'}${empty ? ' is-empty' : ''}`}
      aria-label={t('transfers.label')}
      data-testid="transfers-panel"
    >
      <header className="pd-transfers-head">
        <button type="button" aria-expanded={open} onClick={() => ui.getState().setTransfersOpen(!open)}>
          {open ? t('transfers.hide') : t('transfers.show')}
        </button>
        <div role="tablist" aria-label={t('transfers.label')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={queueView === v}
              onClick={() => {
                cloud.getState().setShowTasks(false);
                transfers.getState().setView(v);
              }}
            >
              {t(`transfers.${v}`, { count: count(v) })}
            </button>
          ))}
          <CloudTasksTab />
        </div>
        <span className="pd-spacer" />
        {queueView === 'active' && (
          <>
            <button type="button" onClick={() => void actions.control('pause')}>
              {t('transfers.pauseAll')}
            </button>
            <button type="button" onClick={() => void actions.control('resume')}>
              {t('transfers.resumeAll')}
            </button>
            <button type="button" onClick={() => void actions.control('cancel')}>
              {t('transfers.cancelAll')}
            </button>
          </>
        )}
        {queueView === 'failed' && (
          <>
            <button type="button" onClick={() => void actions.control('retry')}>
              {t('transfers.retryAll')}
            </button>
            <button type="button" onClick={() => void actions.clearFailed()}>
              {t('transfers.clearFailed')}
            </button>
          </>
        )}
        {queueView !== null && queueView !== 'active' && (
          <button
            type="button"
            title={t('transfers.clearFinishedHint')}
            onClick={() => void actions.clearFinished()}
          >
            {t('transfers.clearFinished')}
          </button>
        )}
        {showTasks && <CloudTasksActions />}
      </header>
      {blocked && (
        <p className="pd-transfers-blocked" role="status" data-testid="transfers-blocked">
          {connecting ? t('transfers.waitingForConnection') : t('transfers.waitingForSignIn')}
        </p>
      )}
      {open && (showTasks ? <CloudTaskList /> : <TransferList />)}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';

/** The sidebar's way into the Sync view, with how many pairs wait for the user. */
export function SyncLink() {
  const { t } = useTranslation();
  const { ui, sync } = useApp();
  const current = useSlice(ui, (s) => s.view === 'sync');
  const waiting = useSlice(
    sync,
    (s) => s.pairs.filter((p) => p.state === 'awaiting_confirmation' || p.openConflicts > 0).length,
  );
  return (
    <button
      type="button"
      className={`pd-link-button pd-trash-link${current ? ' is-current' : ''}`}
      aria-current={current ? 'page' : undefined}
      data-testid="open-sync"
      onClick={() => ui.getState().setView('sync')}
    >
      ⇅ {t('sync.open')}
      {waiting > 0 && <span className="pd-sync-badge"> ({waiting})</span>}
    </button>
  );
}

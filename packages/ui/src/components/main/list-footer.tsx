import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import { describeError } from '../../actions/errors';
import { waitingForService } from '../../lib/auth-state';

/**
 * Below the grid: empty state, streaming progress, counts, and listing errors with retry.
 * While waiting for the service the list is the root's last known contents, said so; with
 * none kept, it says the files come once connected (the banner tells the rest).
 */
export function ListFooter() {
  const { t } = useTranslation();
  const { browser, session } = useApp();
  const offline = useSlice(session, (s) => waitingForService(s.auth));
  const status = useSlice(browser, (s) => s.status);
  const count = useSlice(browser, (s) => s.entries.length);
  const selected = useSlice(browser, (s) => s.selection.selected.size);
  const error = useSlice(browser, (s) => s.error);
  const location = useSlice(browser, (s) => s.location);
  if (offline && status === 'error') {
    return (
      <div role="status" className="pd-list-message" data-testid="list-offline">
        {t('list.offlineNothing')}
      </div>
    );
  }
  if (status === 'error' && error) {
    return (
      <div role="alert" className="pd-list-message" data-testid="list-error">
        <span>{t('errors.listFailed', { message: describeError(t, error) })}</span>
        <button type="button" onClick={() => browser.getState().refresh()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (status === 'loading')
    return (
      <div role="status" className="pd-list-message">
        {t('list.loading')}
      </div>
    );
  if (status === 'complete' && count === 0) {
    const text =
      location.kind === 'trash'
        ? t('list.emptyTrash')
        : location.kind === 'search'
          ? t('list.emptySearch', { query: location.query })
          : t('list.empty');
    return (
      <div className="pd-list-message pd-empty" data-testid="list-empty">
        {text}
      </div>
    );
  }
  return (
    <div className="pd-list-footer" role="status" data-testid="list-status" data-status={status}>
      {status === 'streaming' ? t('list.streaming', { count }) : t('list.count', { count })}
      {selected > 0 && ` · ${t('list.selected', { count: selected })}`}
      {offline && <span data-testid="offline-listing">{` · ${t('list.offlineCopy')}`}</span>}
    </div>
  );
}

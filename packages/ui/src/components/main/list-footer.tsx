import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import { describeError, errorDetails } from '../../actions/errors';
import { waitingForService } from '../../lib/auth-state';
import { DetailsDisclosure } from '../details-disclosure';

/** Time of day in the UI language, for "listed at". */
function clockTime(language: string, at: number): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(at);
}

/**
 * Below the grid: empty state, streaming and refreshing progress, counts, and listing errors
 * with retry. A refresh that failed keeps the rows and says they may be out of date. While
 * waiting for the service the list is the root's last known contents, said so; with none
 * kept, it says the files come once connected (the banner tells the rest). Signed out, it says
 * to sign in, also after a refresh the service refused.
 */
export function ListFooter() {
  const { t, i18n } = useTranslation();
  const { browser, session } = useApp();
  const offline = useSlice(session, (s) => waitingForService(s.auth));
  const signedOut = useSlice(session, (s) => s.auth?.state === 'auth_required' && !waitingForService(s.auth));
  const status = useSlice(browser, (s) => s.status);
  const count = useSlice(browser, (s) => s.entries.length);
  const selected = useSlice(browser, (s) => s.selection.selected.size);
  const error = useSlice(browser, (s) => s.error);
  const refreshError = useSlice(browser, (s) => s.refreshError);
  const revalidating = useSlice(browser, (s) => s.revalidating);
  const listedAt = useSlice(browser, (s) => s.listedAt);
  const location = useSlice(browser, (s) => s.location);
  const retry = (
    <button type="button" onClick={() => browser.getState().refresh()}>
      {t('app.retry')}
    </button>
  );
  // Signed out there is no drive: a listing asked for anyway (Refresh) is refused for the same
  // reason the banner gives, so the list keeps saying to sign in.
  if (signedOut && count === 0 && status !== 'complete') {
    return (
      <div role="status" className="pd-list-message pd-empty" data-testid="list-signed-out">
        {t('list.signedOut')}
      </div>
    );
  }
  if (offline && status === 'error') {
    return (
      <div role="status" className="pd-list-message" data-testid="list-offline">
        {t('list.offlineNothing')}
      </div>
    );
  }
  if (status === 'error' && error) {
    return (
      <div role="alert" className="pd-list-message pd-list-problem" data-testid="list-error">
        <span>{t('errors.listFailed', { message: describeError(t, error) })}</span>
        {retry}
        <DetailsDisclosure lines={errorDetails(t, error)} />
      </div>
    );
  }
  if (refreshError && !revalidating) {
    const time = listedAt === null ? '' : clockTime(i18n.language, listedAt);
    return (
      <div role="alert" className="pd-list-message pd-list-problem" data-testid="list-refresh-failed">
        <span>{t('errors.refreshFailed', { message: describeError(t, refreshError), time })}</span>
        {retry}
        <DetailsDisclosure lines={errorDetails(t, refreshError)} />
      </div>
    );
  }
  if (status === 'loading')
    return (
      <div role="status" className="pd-list-message" data-testid="list-loading">
        <span className="pd-spinner" aria-hidden="true" /> {t('list.loading')}
      </div>
    );
  if (status === 'complete' && count === 0 && !revalidating) {
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
      {revalidating && (
        <span data-testid="list-refreshing">
          {' · '}
          <span className="pd-spinner" aria-hidden="true" /> {t('list.refreshing')}
        </span>
      )}
      {offline && <span data-testid="offline-listing">{` · ${t('list.offlineCopy')}`}</span>}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../context';
import { describeError } from '../actions/errors';

/** Shown until the session (auth, settings, host info) is in; says why and offers retry on failure. */
export function LoadScreen() {
  const { t } = useTranslation();
  const { session } = useApp();
  const error = useSlice(session, (s) => s.loadError);
  return (
    <div className="pd-app pd-load" data-app-state={error ? 'error' : 'loading'}>
      {error ? (
        <div role="alert" className="pd-load-error">
          <p>{t('app.loadFailed', { message: describeError(t, error) })}</p>
          <button type="button" onClick={() => void session.getState().load()}>
            {t('app.retry')}
          </button>
        </div>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </div>
  );
}

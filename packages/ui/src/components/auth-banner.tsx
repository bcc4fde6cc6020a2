import { useTranslation } from 'react-i18next';
import { authFacts, describeError, errorDetails } from '../actions/errors';
import { useApp, useSlice } from '../context';
import { DetailsDisclosure } from './details-disclosure';

/**
 * First run (demo drive), connecting, no account, or auth lost: one clear line and one click
 * to fix it. When auth is lost the back end pauses the queue; the banner says so.
 */
export function AuthBanner() {
  const { t } = useTranslation();
  const { session, ui, bridge } = useApp();
  const auth = useSlice(session, (s) => s.auth);
  const host = useSlice(session, (s) => s.info?.host);
  if (auth === null || auth.state === 'signed_in') return null;
  if (auth.state === 'connecting') {
    return (
      <div className="pd-banner pd-banner-info" role="status" data-testid="connecting-banner">
        <span>{t('banner.connecting')}</span>
      </div>
    );
  }
  const openSettings = (
    <button
      type="button"
      className="pd-primary"
      onClick={() => ui.getState().openDialog({ kind: 'settings' })}
    >
      {auth.state === 'demo' ? t('banner.connect') : t('banner.openSettings')}
    </button>
  );
  if (auth.state === 'demo') {
    return (
      <div className="pd-banner pd-banner-info" role="status" data-testid="demo-banner">
        <span>{t('banner.demo')}</span>
        {openSettings}
      </div>
    );
  }
  // Worded from the cause, never from the back end's English message.
  const facts = authFacts(auth);
  // Without secret storage the words depend on the host: the browser host never uses a keyring.
  const text =
    facts.reason === 'no_credentials'
      ? t('banner.noCredentials')
      : facts.reason === 'secret_storage_unavailable'
        ? t(host === 'web' ? 'settings.noSecretStorageWeb' : 'settings.noEncryption')
        : describeError(t, facts);
  return (
    <div
      className="pd-banner pd-banner-warn"
      role="alert"
      data-testid="auth-banner"
      data-problem={auth.problem}
    >
      <span>
        {text}
        <DetailsDisclosure lines={errorDetails(t, auth)} />
      </span>
      {openSettings}
      {auth.problem === 'no_credentials' && (
        <button type="button" onClick={() => void bridge.auth.useDemo()}>
          {t('banner.useDemo')}
        </button>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { ConnectionView, HostKind, SecretStorage } from '@pandesk/contract';
import { SECRET_KEYS } from './settings-form';
import type { SecretKey, SettingsForm } from './settings-form';

const PRESENCE: Record<SecretKey, keyof ConnectionView> = {
  clientSecret: 'hasClientSecret',
  accessToken: 'hasAccessToken',
  refreshToken: 'hasRefreshToken',
};
const HINTS: Partial<Record<SecretKey, string>> = {
  accessToken: 'settings.accessTokenHint',
  refreshToken: 'settings.refreshTokenHint',
};

interface Props {
  form: SettingsForm;
  connection: ConnectionView;
  /**
   * `unavailable`: the back end will not save secrets; a notice says why and offers to use them
   * only until the app stops, and their fields stay disabled until the user takes that. `session`:
   * a notice says they are forgotten when the app stops.
   */
  secretStorage: SecretStorage;
  /** The browser host words the notice differently: it never uses an OS keyring. */
  host: HostKind | undefined;
  update(patch: Partial<SettingsForm>): void;
  /** Words to show under a field that was refused, by field name. */
  problems?: Readonly<Record<string, string>>;
}

/** A refusal shown right under the field it is about. */
function FieldProblem({ field, text }: { field: string; text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <p
      role="alert"
      id={`settings-problem-${field}`}
      className="pd-inline-error"
      data-testid={`settings-problem-${field}`}
    >
      {text}
    </p>
  );
}

/** What the user is told when secrets cannot be saved, and the "only until PanDesk stops" choice. */
function SecretStorageNotice({ form, secretStorage, host, update }: Omit<Props, 'connection'>) {
  const { t } = useTranslation();
  if (secretStorage === 'session')
    return (
      <p role="note" className="pd-notice" data-testid="secret-storage-session">
        {t('settings.sessionOnlyActive')}
      </p>
    );
  if (secretStorage !== 'unavailable') return null;
  return (
    <div role="note" className="pd-notice" data-testid="secret-storage-unavailable">
      <p>{t(host === 'web' ? 'settings.noSecretStorageWeb' : 'settings.noEncryption')}</p>
      <label className="pd-check">
        <input
          type="checkbox"
          checked={form.sessionOnly}
          data-testid="settings-session-only"
          onChange={(e) => update({ sessionOnly: e.target.checked })}
        />
        {t('settings.sessionOnly')}
      </label>
    </div>
  );
}

/** Client ID, the three write-only secrets (state shown, values never) and the root folder ID. */
export function ConnectionFields({ form, connection, secretStorage, host, update, problems = {} }: Props) {
  const { t } = useTranslation();
  const locked = secretStorage === 'unavailable' && !form.sessionOnly;
  return (
    <fieldset>
      <legend>{t('settings.connection')}</legend>
      <label>
        {t('settings.clientId')}
        <input
          value={form.clientId}
          autoComplete="off"
          spellCheck={false}
          data-testid="settings-clientId"
          onChange={(e) => update({ clientId: e.target.value })}
        />
      </label>
      <p className="pd-hint">{t('settings.clientIdHint')}</p>
      <SecretStorageNotice form={form} secretStorage={secretStorage} host={host} update={update} />
      {SECRET_KEYS.map((key) => {
        const saved = connection[PRESENCE[key]] === true;
        const status = form.clear[key]
          ? t('settings.willClear')
          : saved
            ? t('settings.secretSaved')
            : t('settings.secretMissing');
        const hint = HINTS[key];
        return (
          <div key={key} className="pd-secret">
            <label className={locked ? 'is-disabled' : undefined}>
              {t(`settings.${key}`)}
              <input
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                value={form.secrets[key]}
                disabled={locked}
                placeholder={saved ? '••••••••' : ''}
                aria-describedby={`secret-status-${key}`}
                data-testid={`settings-${key}`}
                onChange={(e) =>
                  update({
                    secrets: { ...form.secrets, [key]: e.target.value },
                    clear: { ...form.clear, [key]: false },
                  })
                }
              />
            </label>
            <span
              id={`secret-status-${key}`}
              className="pd-hint"
              data-testid={`secret-status-${key}`}
              data-saved={saved}
            >
              {status}
            </span>
            {saved && !form.clear[key] && (
              <button
                type="button"
                onClick={() =>
                  update({ clear: { ...form.clear, [key]: true }, secrets: { ...form.secrets, [key]: '' } })
                }
              >
                {t('settings.clear')}
              </button>
            )}
            {hint && <p className="pd-hint">{t(hint)}</p>}
          </div>
        );
      })}
      <label>
        {t('settings.rootFolderId')}
        <input
          inputMode="numeric"
          value={form.rootFolderId}
          data-testid="settings-rootFolderId"
          aria-invalid={problems.rootFolderId !== undefined}
          aria-describedby={problems.rootFolderId !== undefined ? 'settings-problem-rootFolderId' : undefined}
          onChange={(e) => update({ rootFolderId: e.target.value })}
        />
      </label>
      <FieldProblem field="rootFolderId" text={problems.rootFolderId} />
      <p className="pd-hint">{t('settings.rootFolderIdHint')}</p>
    </fieldset>
  );
}

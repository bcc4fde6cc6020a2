import { useTranslation } from 'react-i18next';
import type { ConnectionView, SecretStorage } from '@pandesk/contract';
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
  /** `unavailable`: the back end will not save secrets, so their fields are disabled and a notice says why. */
  secretStorage: SecretStorage;
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

/** Client ID, the three write-only secrets (state shown, values never) and the root folder ID. */
export function ConnectionFields({ form, connection, secretStorage, update, problems = {} }: Props) {
  const { t } = useTranslation();
  const locked = secretStorage === 'unavailable';
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
      {locked && (
        <p role="note" className="pd-notice" data-testid="secret-storage-unavailable">
          {t('settings.noEncryption')}
        </p>
      )}
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
            <label>
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

import { useTranslation } from 'react-i18next';
import { DOWNLOAD_METHODS, LANGUAGES, THEMES } from '@pandesk/contract';
import type { ConflictPolicy } from '@pandesk/contract';
import type { SettingsForm } from './settings-form';
import { LANGUAGE_NAMES } from '../../lib/languages';
import { OpenCacheFields } from './open-cache-fields';
import { ThumbnailFields } from './thumbnail-fields';

const CONFLICTS: readonly { value: ConflictPolicy; key: string }[] = [
  { value: 'keep_both', key: 'dialog.keepBoth' },
  { value: 'overwrite', key: 'dialog.overwrite' },
  { value: 'skip', key: 'dialog.skip' },
];

interface Props {
  form: SettingsForm;
  update(patch: Partial<SettingsForm>): void;
  /** Native folder picker for the download folder, when the host has one. */
  chooseFolder?: () => Promise<string | null>;
}

type TextField =
  | 'downloadFolder'
  | 'downloadProxyUrl'
  | 'httpProxy'
  | 'uploadConcurrency'
  | 'downloadConcurrency'
  | 'uploadSpeedLimit'
  | 'downloadSpeedLimit';

/** Transfers and appearance settings. */
export function PreferenceFields({ form, update, chooseFolder }: Props) {
  const { t } = useTranslation();
  const text = (field: TextField, numeric = false) => (
    <label key={field}>
      {t(`settings.${field}`)}
      <input
        value={form[field]}
        inputMode={numeric ? 'numeric' : undefined}
        data-testid={`settings-${field}`}
        onChange={(e) => update({ [field]: e.target.value })}
      />
    </label>
  );
  return (
    <>
      <fieldset>
        <legend>{t('settings.transfers')}</legend>
        {text('downloadFolder')}
        {chooseFolder && (
          <button
            type="button"
            data-testid="settings-chooseFolder"
            onClick={() =>
              void chooseFolder().then((path) => path !== null && update({ downloadFolder: path }))
            }
          >
            {t('settings.chooseFolder')}
          </button>
        )}
        <label>
          {t('settings.downloadMethod')}
          <select
            value={form.downloadMethod}
            onChange={(e) => update({ downloadMethod: e.target.value as SettingsForm['downloadMethod'] })}
          >
            {DOWNLOAD_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`settings.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {form.downloadMethod === 'proxy_url' && text('downloadProxyUrl')}
        {text('httpProxy')}
        {text('uploadConcurrency', true)}
        {text('downloadConcurrency', true)}
        {text('uploadSpeedLimit', true)}
        {text('downloadSpeedLimit', true)}
        <label>
          {t('settings.conflictDefault')}
          <select
            value={form.conflictDefault}
            onChange={(e) => update({ conflictDefault: e.target.value as ConflictPolicy })}
          >
            {CONFLICTS.map((c) => (
              <option key={c.value} value={c.value}>
                {t(c.key)}
              </option>
            ))}
          </select>
        </label>
        <label className="pd-check">
          <input
            type="checkbox"
            checked={form.keepAwake}
            onChange={(e) => update({ keepAwake: e.target.checked })}
          />
          {t('settings.keepAwake')}
        </label>
        <OpenCacheFields limitMb={form.openCacheLimitMb} update={(v) => update({ openCacheLimitMb: v })} />
      </fieldset>
      <ThumbnailFields form={form} update={update} />
      <fieldset>
        <legend>{t('settings.appearance')}</legend>
        <label>
          {t('settings.language')}
          <select
            value={form.language}
            data-testid="settings-language"
            onChange={(e) => update({ language: e.target.value as SettingsForm['language'] })}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.theme')}
          <select
            value={form.theme}
            data-testid="settings-theme"
            onChange={(e) => update({ theme: e.target.value as SettingsForm['theme'] })}
          >
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(`settings.themeName.${th}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SIGNED_LINK_MINUTES } from '@pandesk/contract';
import type { DirectLinkSigningPatch, SecretStorage } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { describeError } from '../../actions/errors';

/**
 * Direct-link URL authentication: the account's private key (write-only: its state is shown,
 * its value never) and how long a signed link stays valid. Saved on its own button, straight
 * to the back end's vault.
 */
export function DirectLinkFields({ secretStorage }: { secretStorage: SecretStorage }) {
  const { t } = useTranslation();
  const { bridge, cloud } = useApp();
  const status = useSlice(cloud, (s) => s.directLinks);
  const [key, setKey] = useState('');
  const [minutes, setMinutes] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const locked = secretStorage === 'unavailable';
  const shownMinutes = minutes ?? String(status?.signedLinkMinutes ?? '');
  const minutesValue = Number(shownMinutes.trim());
  // Only what the user typed is checked; the stored value is valid by construction.
  const badMinutes =
    minutes !== null &&
    (!/^\d+$/.test(minutes.trim()) || minutesValue < 1 || minutesValue > MAX_SIGNED_LINK_MINUTES);

  async function apply(patch: DirectLinkSigningPatch): Promise<void> {
    const result = await bridge.directLinks.setSigning(patch);
    if (!result.ok) {
      setMessage({ kind: 'error', text: describeError(t, result.error) });
      return;
    }
    cloud.getState().setDirectLinks(result.value);
    setKey('');
    setMinutes(null);
    setMessage({ kind: 'ok', text: t('directLink.settingsSaved') });
  }

  return (
    <fieldset data-testid="direct-link-settings">
      <legend>{t('directLink.settingsTitle')}</legend>
      <p className="pd-hint">{t('directLink.settingsHint')}</p>
      <div className="pd-secret">
        <label>
          {t('directLink.privateKey')}
          <input
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={key}
            disabled={locked}
            placeholder={status?.hasPrivateKey ? '••••••••' : ''}
            aria-describedby="direct-link-key-status"
            data-testid="direct-link-key"
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        <span
          id="direct-link-key-status"
          className="pd-hint"
          data-testid="direct-link-key-status"
          data-saved={status?.hasPrivateKey === true}
        >
          {status?.hasPrivateKey ? t('settings.secretSaved') : t('settings.secretMissing')}
        </span>
        {status?.hasPrivateKey && (
          <button
            type="button"
            data-testid="direct-link-clear"
            onClick={() => void apply({ privateKey: null })}
          >
            {t('settings.clear')}
          </button>
        )}
      </div>
      <label>
        {t('directLink.minutes')}
        <input
          inputMode="numeric"
          value={shownMinutes}
          aria-invalid={badMinutes}
          data-testid="direct-link-minutes"
          onChange={(e) => setMinutes(e.target.value)}
        />
      </label>
      {badMinutes && (
        <p role="alert" className="pd-inline-error">
          {t('directLink.badMinutes', { max: MAX_SIGNED_LINK_MINUTES })}
        </p>
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'pd-inline-error' : 'pd-inline-ok'}
        >
          {message.text}
        </p>
      )}
      <button
        type="button"
        data-testid="direct-link-save"
        disabled={badMinutes || (key.trim() === '' && minutes === null)}
        onClick={() =>
          void apply({
            ...(key.trim() === '' ? {} : { privateKey: key.trim() }),
            ...(minutes === null ? {} : { signedLinkMinutes: minutesValue }),
          })
        }
      >
        {t('directLink.saveSettings')}
      </button>
    </fieldset>
  );
}

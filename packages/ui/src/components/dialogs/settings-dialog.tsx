import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuthStatus, SettingsView } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { describeError } from '../../actions/errors';
import { Modal } from './modal';
import { ConnectionFields } from './connection-fields';
import { DirectLinkFields } from './direct-link-fields';
import { PreferenceFields } from './preference-fields';
import { connectionPatch, formFromSettings, invalidNumberField, settingsPatch } from './settings-form';
import type { SettingsForm } from './settings-form';

/** The result of "Test connection" in words. */
function describeAuth(t: TFunction, auth: AuthStatus): string {
  if (auth.state === 'signed_in') return t('settings.testSignedIn', { name: auth.account.name });
  if (auth.state === 'demo') return t('settings.testDemo');
  if (auth.state === 'connecting') return t('settings.testConnecting');
  return t('settings.testFailed', { message: auth.message });
}

function SettingsBody({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const { ui, bridge, session } = useApp();
  const native = session.getState().info?.capabilities.nativeDialogs === true;
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<SettingsForm>): void => setForm((f) => ({ ...f, ...patch }));
  const close = (): void => ui.getState().closeDialog();

  async function save(): Promise<boolean> {
    const bad = invalidNumberField(form);
    if (bad) {
      setMessage({ kind: 'error', text: t('settings.invalidNumber', { field: t(`settings.${bad}`) }) });
      return false;
    }
    const conn = connectionPatch(form, settings);
    if (Object.keys(conn).length > 0) {
      const r = await bridge.settings.setConnection(conn);
      if (!r.ok) return (setMessage({ kind: 'error', text: describeError(t, r.error) }), false);
    }
    const prefs = settingsPatch(form, settings);
    if (Object.keys(prefs).length > 0) {
      const r = await bridge.settings.update(prefs);
      if (!r.ok) return (setMessage({ kind: 'error', text: describeError(t, r.error) }), false);
    }
    // Typed secrets are gone from the form once stored: the dialog shows only "saved".
    setForm((f) => ({
      ...f,
      secrets: { clientSecret: '', accessToken: '', refreshToken: '' },
      clear: { clientSecret: false, accessToken: false, refreshToken: false },
    }));
    setMessage({ kind: 'ok', text: t('settings.saved') });
    return true;
  }
  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    await save();
    setBusy(false);
  }
  async function chooseFolder(): Promise<string | null> {
    const r = await bridge.app.choosePaths({
      mode: 'choose_folder',
      title: t('settings.downloadFolder'),
      defaultPath: form.downloadFolder || undefined,
    });
    return r.ok ? (r.value.paths[0] ?? null) : null;
  }
  async function test(): Promise<void> {
    setBusy(true);
    setMessage({ kind: 'ok', text: t('settings.testing') });
    if (await save()) {
      const r = await bridge.auth.signIn();
      setMessage(
        r.ok
          ? { kind: r.value.state === 'auth_required' ? 'error' : 'ok', text: describeAuth(t, r.value) }
          : { kind: 'error', text: t('settings.testFailed', { message: describeError(t, r.error) }) },
      );
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="pd-settings">
      <ConnectionFields
        form={form}
        connection={settings.connection}
        secretStorage={settings.secretStorage}
        host={session.getState().info?.host}
        update={update}
      />
      <PreferenceFields form={form} update={update} {...(native ? { chooseFolder } : {})} />
      <DirectLinkFields secretStorage={settings.secretStorage} />
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'pd-inline-error' : 'pd-inline-ok'}
          data-testid="settings-message"
        >
          {message.text}
        </p>
      )}
      <div className="pd-dialog-footer">
        <button type="button" onClick={() => void test()} disabled={busy} data-testid="settings-test">
          {t('settings.testConnection')}
        </button>
        <button type="button" onClick={close}>
          {t('dialog.close')}
        </button>
        <button type="submit" className="pd-primary" disabled={busy} data-testid="settings-save">
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

/** Connection and app settings. Secrets are write-only: their state is shown, their values never. */
export function SettingsDialog() {
  const { t } = useTranslation();
  const { ui, session } = useApp();
  const settings = useSlice(session, (s) => s.settings);
  return (
    <Modal
      title={t('settings.title')}
      onClose={() => ui.getState().closeDialog()}
      testId="settings-dialog"
      wide
    >
      {settings && <SettingsBody settings={settings} />}
    </Modal>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiError, AuthStatus, SettingsView } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { authFacts, describeError } from '../../actions/errors';
import { renderWords } from '../../lib/words';
import type { Words } from '../../lib/words';
import { Modal } from './modal';
import { ConnectionFields } from './connection-fields';
import { DirectLinkFields } from './direct-link-fields';
import { PreferenceFields } from './preference-fields';
import { connectionPatch, formFromSettings, invalidNumberField, settingsPatch } from './settings-form';
import type { SettingsForm } from './settings-form';

/** The result of "Test connection" in words (from the cause, in the current language). */
function describeAuth(t: TFunction, auth: AuthStatus): string {
  if (auth.state === 'signed_in') return t('settings.testSignedIn', { name: auth.account.name });
  if (auth.state === 'demo') return t('settings.testDemo');
  if (auth.state === 'connecting') return t('settings.testConnecting');
  return t('settings.testFailed', { message: describeError(t, authFacts(auth)) });
}

/** The dialog's note, kept as what it means so it follows a language switch. */
type Note = { kind: 'ok' | 'error'; words: Words } | { kind: 'ok' | 'error'; auth: AuthStatus };

function renderNote(t: TFunction, note: Note): string {
  return 'auth' in note ? describeAuth(t, note.auth) : renderWords(t, note.words);
}

/** The field a refusal is about, to show it there too. */
export function fieldOf(error: Pick<ApiError, 'reason' | 'params'>): string | null {
  const reason = error.reason;
  if (
    reason === 'root_folder_missing' ||
    reason === 'root_folder_is_file' ||
    reason === 'root_folder_trashed'
  )
    return 'rootFolderId';
  if (reason === 'local_folder_missing' || reason === 'local_folder_not_writable') return 'downloadFolder';
  if (reason === 'invalid_setting' && typeof error.params?.field === 'string') return error.params.field;
  return null;
}

function SettingsBody({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const { ui, bridge, session } = useApp();
  const native = session.getState().info?.capabilities.nativeDialogs === true;
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings));
  const [message, setMessage] = useState<Note | null>(null);
  /** The field a refusal was about, with the refusal (shown under that field). */
  const [fieldProblem, setFieldProblem] = useState<{ field: string; error: ApiError } | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<SettingsForm>): void => {
    setForm((f) => ({ ...f, ...patch }));
    if (fieldProblem && fieldProblem.field in patch) setFieldProblem(null);
  };
  const close = (): void => ui.getState().closeDialog();

  /** Shows a refusal at the bottom and, when it is about one field, at that field (focused). */
  function refused(error: ApiError): false {
    setMessage({ kind: 'error', words: { error } });
    const field = fieldOf(error);
    setFieldProblem(field === null ? null : { field, error });
    if (field !== null) {
      const input = document.querySelector<HTMLElement>(`[data-testid="settings-${field}"]`);
      input?.scrollIntoView?.({ block: 'center' });
      input?.focus();
    }
    return false;
  }

  async function save(): Promise<boolean> {
    const bad = invalidNumberField(form);
    if (bad) {
      setMessage({
        kind: 'error',
        words: { key: 'settings.invalidNumber', keys: { field: `settings.${bad}` } },
      });
      return false;
    }
    setFieldProblem(null);
    const conn = connectionPatch(form, settings);
    if (Object.keys(conn).length > 0) {
      const r = await bridge.settings.setConnection(conn);
      if (!r.ok) return refused(r.error);
    }
    const prefs = settingsPatch(form, settings);
    if (Object.keys(prefs).length > 0) {
      const r = await bridge.settings.update(prefs);
      if (!r.ok) return refused(r.error);
    }
    // Typed secrets are gone from the form once stored: the dialog shows only "saved".
    setForm((f) => ({
      ...f,
      secrets: { clientSecret: '', accessToken: '', refreshToken: '' },
      clear: { clientSecret: false, accessToken: false, refreshToken: false },
    }));
    setMessage({ kind: 'ok', words: { key: 'settings.saved' } });
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
    setMessage({ kind: 'ok', words: { key: 'settings.testing' } });
    if (await save()) {
      const r = await bridge.auth.signIn();
      if (r.ok) {
        setMessage({ kind: r.value.state === 'auth_required' ? 'error' : 'ok', auth: r.value });
        const field = r.value.state === 'auth_required' ? fieldOf(r.value) : null;
        if (field !== null && r.value.state === 'auth_required')
          setFieldProblem({
            field,
            error: { ...r.value, code: 'auth_required', retryable: false },
          });
      } else refused(r.error);
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
        problems={fieldProblem ? { [fieldProblem.field]: describeError(t, fieldProblem.error) } : {}}
      />
      <PreferenceFields form={form} update={update} {...(native ? { chooseFolder } : {})} />
      <DirectLinkFields secretStorage={settings.secretStorage} />
      <div className="pd-sticky-foot">
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={message.kind === 'error' ? 'pd-inline-error' : 'pd-inline-ok'}
            data-testid="settings-message"
          >
            {renderNote(t, message)}
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

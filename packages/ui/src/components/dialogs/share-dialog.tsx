import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARE_EXPIRY_DAYS } from '@pandesk/contract';
import type { FileEntry, ShareLink } from '@pandesk/contract';
import { useApp } from '../../context';
import { describeError } from '../../actions/errors';
import { formatDate } from '../../lib/format';
import { Modal } from './modal';
import { codeProblem, defaultShareName, generateCode, shareNameProblem } from './share-form';
import type { ShareForm } from './share-form';
import { ShareTrafficFields, trafficForm, trafficFromForm } from './share-traffic-fields';

/** The created share: its link and code, with Copy link. */
function ShareResult({ share, onDone }: { share: ShareLink; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { actions } = useApp();
  return (
    <div data-testid="share-result">
      <label>
        {t('share.link')}
        <input readOnly value={share.url} data-testid="share-link" onFocus={(e) => e.target.select()} />
      </label>
      {share.extractionCode !== null && (
        <p>
          {t('share.codeIs')} <strong data-testid="share-result-code">{share.extractionCode}</strong>
        </p>
      )}
      <p className="pd-hint">
        {share.expiresAt === null
          ? t('share.neverExpires')
          : t('share.expiresOn', { date: formatDate(i18n.language, share.expiresAt) })}
      </p>
      <div className="pd-dialog-footer">
        <button type="button" onClick={onDone}>
          {t('dialog.close')}
        </button>
        <button
          type="button"
          className="pd-primary"
          data-testid="share-copy"
          onClick={() => void actions.copyShareLink(share)}
        >
          {t('share.copyLink')}
        </button>
      </div>
    </div>
  );
}

/** Share…: name, expiry, extraction code (generated or typed), traffic options; then the link. */
export function ShareDialog({ entries }: { entries: readonly FileEntry[] }) {
  const { t } = useTranslation();
  const { ui, actions } = useApp();
  const [form, setForm] = useState<ShareForm>(() => ({
    name: defaultShareName(entries),
    expiryDays: 7,
    useCode: true,
    code: generateCode(),
    traffic: trafficForm(null),
  }));
  const [created, setCreated] = useState<ShareLink | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<ShareForm>): void => setForm((f) => ({ ...f, ...patch }));
  const close = (): void => ui.getState().closeDialog();
  const nameProblem = shareNameProblem(t, form.name);
  const badCode = codeProblem(t, form);
  const traffic = trafficFromForm(form.traffic);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (nameProblem !== null || badCode !== null || traffic === null) return;
    setBusy(true);
    const result = await actions.createShare({
      ids: entries.map((x) => x.id),
      name: form.name,
      expiryDays: form.expiryDays,
      ...(form.useCode ? { extractionCode: form.code } : {}),
      traffic,
    });
    setBusy(false);
    if (result.ok) setCreated(result.value);
    else setFailure(describeError(t, result.error));
  }

  const title = t('share.title', { count: entries.length, name: entries[0]?.name ?? '' });
  return (
    <Modal title={title} onClose={close} testId="share-dialog">
      {created !== null ? (
        <ShareResult share={created} onDone={close} />
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <label>
            {t('share.name')}
            <input
              value={form.name}
              aria-invalid={nameProblem !== null}
              data-testid="share-name"
              onChange={(e) => update({ name: e.target.value })}
            />
          </label>
          {nameProblem && (
            <p role="alert" className="pd-inline-error">
              {nameProblem}
            </p>
          )}
          <fieldset>
            <legend>{t('share.expiry')}</legend>
            {SHARE_EXPIRY_DAYS.map((days) => (
              <label key={days} className="pd-check">
                <input
                  type="radio"
                  name="share-expiry"
                  checked={form.expiryDays === days}
                  data-testid={`share-expiry-${days}`}
                  onChange={() => update({ expiryDays: days })}
                />
                {days === 0 ? t('share.never') : t('share.days', { count: days })}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('share.code')}</legend>
            <label className="pd-check">
              <input
                type="checkbox"
                checked={form.useCode}
                data-testid="share-use-code"
                onChange={(e) => update({ useCode: e.target.checked })}
              />
              {t('share.useCode')}
            </label>
            {form.useCode && (
              <div className="pd-share-code">
                <input
                  value={form.code}
                  aria-label={t('share.code')}
                  aria-invalid={badCode !== null}
                  spellCheck={false}
                  data-testid="share-code"
                  onChange={(e) => update({ code: e.target.value.trim() })}
                />
                <button
                  type="button"
                  data-testid="share-generate-code"
                  onClick={() => update({ code: generateCode() })}
                >
                  {t('share.generate')}
                </button>
              </div>
            )}
            {badCode && (
              <p role="alert" className="pd-inline-error">
                {badCode}
              </p>
            )}
          </fieldset>
          <ShareTrafficFields
            form={form.traffic}
            update={(p) => update({ traffic: { ...form.traffic, ...p } })}
          />
          {failure && (
            <p role="alert" className="pd-inline-error" data-testid="share-error">
              {failure}
            </p>
          )}
          <div className="pd-dialog-footer">
            <button type="button" onClick={close}>
              {t('dialog.cancel')}
            </button>
            <button
              type="submit"
              className="pd-primary"
              data-testid="share-create"
              disabled={busy || nameProblem !== null || badCode !== null || traffic === null}
            >
              {t('share.create')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareLink } from '@pandesk/contract';
import { useApp } from '../../context';
import { describeError } from '../../actions/errors';
import { formatBytes, formatDate } from '../../lib/format';
import { Modal } from './modal';
import { ShareTrafficFields, trafficForm, trafficFromForm } from './share-traffic-fields';
import type { TrafficForm } from './share-traffic-fields';

/** Changes one share's traffic settings in place. */
function TrafficEditor({
  share,
  onSaved,
  onCancel,
}: {
  share: ShareLink;
  onSaved(s: ShareLink): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { bridge } = useApp();
  const [form, setForm] = useState<TrafficForm>(() => trafficForm(share.traffic));
  const [failure, setFailure] = useState<string | null>(null);
  const traffic = trafficFromForm(form);
  async function save(): Promise<void> {
    if (traffic === null) return;
    const result = await bridge.shares.setTraffic({ ids: [share.id], traffic });
    if (result.ok) onSaved({ ...share, traffic });
    else setFailure(describeError(t, result.error));
  }
  return (
    <div className="pd-share-editor" data-testid="share-traffic-editor">
      <ShareTrafficFields form={form} update={(p) => setForm((f) => ({ ...f, ...p }))} />
      {failure && (
        <p role="alert" className="pd-inline-error">
          {failure}
        </p>
      )}
      <div className="pd-dialog-footer">
        <button type="button" onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
        <button
          type="button"
          className="pd-primary"
          disabled={traffic === null}
          data-testid="share-traffic-save"
          onClick={() => void save()}
        >
          {t('myShares.saveTraffic')}
        </button>
      </div>
    </div>
  );
}

function ShareRow({ share, onChanged }: { share: ShareLink; onChanged(s: ShareLink): void }) {
  const { t, i18n } = useTranslation();
  const { actions } = useApp();
  const [editing, setEditing] = useState(false);
  const traffic = share.traffic;
  return (
    <li
      className={`pd-share${share.expired ? ' is-expired' : ''}`}
      data-testid="share-row"
      data-id={share.id}
      data-expired={share.expired}
    >
      <div className="pd-share-main">
        <span className="pd-share-name">{share.name}</span>
        {share.expired && (
          <span className="pd-badge" data-testid="share-expired">
            {t('myShares.expired')}
          </span>
        )}
        <span className="pd-share-url">{share.url}</span>
        <span data-testid="share-row-code">
          {share.extractionCode === null
            ? t('myShares.noCode')
            : t('myShares.code', { code: share.extractionCode })}
        </span>
        <span data-testid="share-row-expiry">
          {share.expiresAt === null
            ? t('share.neverExpires')
            : t(share.expired ? 'myShares.expiredOn' : 'share.expiresOn', {
                date: formatDate(i18n.language, share.expiresAt),
              })}
        </span>
        <span className="pd-hint" data-testid="share-row-traffic">
          {traffic === null
            ? ''
            : `${t(`share.package.${traffic.package}`)} · ${
                traffic.limitBytes === null ? t('myShares.noLimit') : formatBytes(t, traffic.limitBytes)
              }`}
        </span>
        <span className="pd-hint">
          {t('myShares.counters', {
            previews: share.previews,
            downloads: share.downloads,
            saves: share.saves,
          })}
        </span>
      </div>
      <div className="pd-share-actions">
        <button type="button" data-testid="share-row-copy" onClick={() => void actions.copyShareLink(share)}>
          {t('share.copyLink')}
        </button>
        <button
          type="button"
          data-testid="share-row-traffic-edit"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t('myShares.changeTraffic')}
        </button>
      </div>
      {editing && (
        <TrafficEditor
          share={share}
          onCancel={() => setEditing(false)}
          onSaved={(s) => {
            setEditing(false);
            onChanged(s);
          }}
        />
      )}
    </li>
  );
}

/** My shares: the account's share links page by page, expired ones marked. */
export function MySharesDialog() {
  const { t } = useTranslation();
  const { ui, bridge } = useApp();
  const [shares, setShares] = useState<readonly ShareLink[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(
    async (after?: string) => {
      setState('loading');
      const page = await bridge.shares.list(after === undefined ? {} : { cursor: after });
      if (!page.ok) {
        setFailure(describeError(t, page.error));
        setState('error');
        return;
      }
      setShares((before) => (after === undefined ? page.value.items : [...before, ...page.value.items]));
      setCursor(page.value.cursor);
      setState('ready');
    },
    [bridge, t],
  );
  useEffect(() => void load(), [load]);

  const close = (): void => ui.getState().closeDialog();
  return (
    <Modal title={t('myShares.title')} onClose={close} testId="my-shares-dialog" wide>
      {state === 'error' && (
        <p role="alert" className="pd-inline-error">
          {failure}
        </p>
      )}
      {state !== 'loading' && shares.length === 0 && state === 'ready' && (
        <p className="pd-muted">{t('myShares.empty')}</p>
      )}
      <ul className="pd-share-list" aria-label={t('myShares.title')} aria-busy={state === 'loading'}>
        {shares.map((s) => (
          <ShareRow
            key={s.id}
            share={s}
            onChanged={(next) => setShares((all) => all.map((x) => (x.id === next.id ? next : x)))}
          />
        ))}
      </ul>
      {state === 'loading' && <p className="pd-muted">{t('list.loading')}</p>}
      <div className="pd-dialog-footer">
        {cursor !== null && state === 'ready' && (
          <button type="button" data-testid="my-shares-more" onClick={() => void load(cursor)}>
            {t('myShares.more')}
          </button>
        )}
        <button type="button" onClick={() => void load()}>
          {t('toolbar.refresh')}
        </button>
        <button type="button" className="pd-primary" onClick={close}>
          {t('dialog.close')}
        </button>
      </div>
    </Modal>
  );
}

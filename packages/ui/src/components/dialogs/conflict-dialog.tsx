import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictPolicy } from '@pandesk/contract';
import type { ConflictRequest } from '../../stores/ui-store';
import { Modal } from './modal';

const POLICIES: readonly { policy: ConflictPolicy; key: string }[] = [
  { policy: 'keep_both', key: 'dialog.keepBoth' },
  { policy: 'overwrite', key: 'dialog.overwrite' },
  { policy: 'skip', key: 'dialog.skip' },
];

/** Asked once per upload batch when names clash: keep both / overwrite / skip, optionally remembered. */
export function ConflictDialog({ request }: { request: ConflictRequest }) {
  const { t } = useTranslation();
  const [remember, setRemember] = useState(false);
  const vars = { count: request.clashes.length, name: request.clashes[0] ?? '' };
  return (
    <Modal title={t('dialog.conflictTitle')} onClose={() => request.resolve(null)} testId="conflict-dialog">
      <p>{t('dialog.conflictBody', vars)}</p>
      <label className="pd-check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        {t('dialog.remember')}
      </label>
      <div className="pd-dialog-footer">
        <button type="button" onClick={() => request.resolve(null)}>
          {t('dialog.cancel')}
        </button>
        {POLICIES.map(({ policy, key }) => (
          <button
            key={policy}
            type="button"
            className={policy === request.initial ? 'pd-primary' : undefined}
            onClick={() => request.resolve({ policy, remember })}
          >
            {t(key)}
          </button>
        ))}
      </div>
    </Modal>
  );
}

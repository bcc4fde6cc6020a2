import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileId, SyncDeletions, SyncMode, SyncSchedule } from '@pandesk/contract';
import { SYNC_MODES } from '@pandesk/contract';
import { describeError } from '../../actions/errors';
import { useApp, useSlice } from '../../context';
import { Modal } from '../dialogs/modal';
import { FolderPicker } from '../dialogs/folder-picker';
import { cloudPathOf } from './cloud-path';

type Kind = SyncSchedule['kind'];

/** Add a pair: local folder (typed or from the native dialog), cloud folder, mode, schedule, deletions. */
export function AddPairDialog() {
  const { t } = useTranslation();
  const { bridge, session, tree, sync } = useApp();
  const native = useSlice(session, (s) => s.info?.capabilities.nativeDialogs === true);
  const [localPath, setLocalPath] = useState('');
  const [cloud, setCloud] = useState<FileId | null>(null);
  const [mode, setMode] = useState<SyncMode>('backup');
  const [deletions, setDeletions] = useState<SyncDeletions>('ignore');
  const [kind, setKind] = useState<Kind>('continuous');
  const [minutes, setMinutes] = useState(30);
  const [start, setStart] = useState('22:00');
  const [end, setEnd] = useState('06:00');
  const [confirmAbove, setConfirmAbove] = useState(50);
  const [error, setError] = useState<string | null>(null);
  const close = (): void => sync.getState().open(null);

  const choose = async (): Promise<void> => {
    const r = await bridge.app.choosePaths({ mode: 'choose_folder', title: t('sync.addDialog.local') });
    if (r.ok && r.value.paths[0]) setLocalPath(r.value.paths[0]);
  };
  const submit = async (): Promise<void> => {
    if (cloud === null) return;
    const schedule: SyncSchedule = kind === 'window' ? { kind, minutes, start, end } : { kind, minutes };
    const r = await bridge.sync.add({
      localPath: localPath.trim(),
      remoteFolderId: cloud,
      remotePath: cloudPathOf(tree.getState().nodes, cloud),
      mode,
      deletions,
      schedule,
      confirmAbove,
    });
    if (r.ok) close();
    else setError(describeError(t, r.error));
  };
  return (
    <Modal
      title={t('sync.addDialog.title')}
      onClose={close}
      testId="sync-add-dialog"
      wide
      footer={
        <>
          <button type="button" onClick={close}>
            {t('dialog.cancel')}
          </button>
          <button
            type="button"
            className="pd-primary"
            data-testid="sync-add-submit"
            disabled={cloud === null || localPath.trim() === ''}
            onClick={() => void submit()}
          >
            {t('sync.addDialog.add')}
          </button>
        </>
      }
    >
      <label className="pd-sync-field">
        {t('sync.addDialog.local')}
        <span className="pd-sync-inline">
          <input
            data-testid="sync-local-path"
            value={localPath}
            onChange={(e) => setLocalPath(e.target.value)}
          />
          {native && (
            <button type="button" onClick={() => void choose()}>
              {t('sync.addDialog.choose')}
            </button>
          )}
        </span>
      </label>
      <div className="pd-sync-field">
        {t('sync.addDialog.cloud')}:{' '}
        {cloud === null ? t('sync.addDialog.cloudNone') : cloudPathOf(tree.getState().nodes, cloud)}
        <FolderPicker
          value={cloud}
          onChange={setCloud}
          label={t('sync.addDialog.cloud')}
          testId="sync-cloud-picker"
        />
      </div>
      <fieldset className="pd-sync-field">
        <legend>{t('sync.addDialog.mode')}</legend>
        {SYNC_MODES.map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="sync-mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              data-testid={`sync-mode-${m}`}
            />{' '}
            {t(`sync.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'backup' && (
        <label className="pd-sync-field">
          {t('sync.addDialog.deletions')}
          <select value={deletions} onChange={(e) => setDeletions(e.target.value as SyncDeletions)}>
            <option value="ignore">{t('sync.addDialog.deletionsIgnore')}</option>
            <option value="recycle">{t('sync.addDialog.deletionsRecycle')}</option>
          </select>
        </label>
      )}
      <label className="pd-sync-field">
        {t('sync.addDialog.schedule')}
        <select value={kind} data-testid="sync-schedule" onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="continuous">{t('sync.addDialog.continuous')}</option>
          <option value="interval">{t('sync.addDialog.interval')}</option>
          <option value="window">{t('sync.addDialog.window')}</option>
        </select>
      </label>
      <label className="pd-sync-field">
        {t('sync.addDialog.minutes')}
        <input
          type="number"
          min={1}
          value={minutes}
          onChange={(e) => setMinutes(Math.max(1, Math.round(Number(e.target.value) || 1)))}
        />
      </label>
      {kind === 'window' && (
        <span className="pd-sync-inline">
          <label>
            {t('sync.addDialog.start')}{' '}
            <input type="time" value={start} onChange={(e) => setStart(e.target.value)} />
          </label>
          <label>
            {t('sync.addDialog.end')}{' '}
            <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
          </label>
        </span>
      )}
      <label className="pd-sync-field">
        {t('sync.addDialog.confirmAbove')}
        <input
          type="number"
          min={0}
          value={confirmAbove}
          onChange={(e) => setConfirmAbove(Math.max(0, Math.round(Number(e.target.value) || 0)))}
        />
      </label>
      <p className="pd-sync-meta">{t('sync.addDialog.never')}</p>
      {error && (
        <p role="alert" className="pd-sync-problem" data-testid="sync-add-error">
          {error}
        </p>
      )}
    </Modal>
  );
}

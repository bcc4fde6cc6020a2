import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferItem } from '@pandesk/contract';
import { useApp } from '../../context';
import { formatBytes, formatDuration, formatSpeed } from '../../lib/format';
import { FolderIcon, PauseIcon } from '../icons';
import { canRetry, stateText } from './transfer-text';

export const TRANSFER_ROW_HEIGHT = 44;

export function TransferRow({ item, style }: { item: TransferItem; style: CSSProperties }) {
  const { t } = useTranslation();
  const { actions, ui } = useApp();
  const text = stateText(t, item);
  const percent =
    item.size > 0 ? Math.floor((item.bytesDone / item.size) * 100) : item.state === 'completed' ? 100 : 0;
  const name = item.name;
  const finishedDownload =
    item.direction === 'download' && item.state === 'completed' && actions.canOpenDownloads();
  // The label names the action for assistive tech; the glyph or icon is only its picture.
  const button = (label: string, run: () => void, glyph: ReactNode) => (
    <button type="button" className="pd-icon-button" aria-label={label} title={label} onClick={run}>
      {glyph}
    </button>
  );
  return (
    <div
      role="listitem"
      className={`pd-transfer pd-transfer-${item.state}`}
      style={style}
      data-testid="transfer-row"
      data-id={item.id}
      data-state={item.state}
    >
      <span className="pd-transfer-dir" title={t(`transfers.${item.direction}`)}>
        <span aria-hidden="true">{item.direction === 'upload' ? '↑' : '↓'}</span>
        <span className="pd-sr-only">{t(`transfers.${item.direction}`)}</span>
      </span>
      <span className="pd-transfer-name" title={item.localPath}>
        {name}
      </span>
      <progress className="pd-progress" max={100} value={percent} aria-label={name} />
      <span className="pd-transfer-size">{`${formatBytes(t, item.bytesDone)} / ${formatBytes(t, item.size)}`}</span>
      <span className="pd-transfer-speed">
        {item.state === 'running' && item.speedBps > 0 ? formatSpeed(t, item.speedBps) : ''}
      </span>
      <span className="pd-transfer-eta">
        {item.state === 'running' && item.etaSeconds !== null
          ? t('transfers.timeLeft', { time: formatDuration(item.etaSeconds) })
          : ''}
      </span>
      <span className="pd-transfer-state" data-testid="transfer-state" title={text}>
        {text}
      </span>
      <span className="pd-transfer-actions">
        {(item.state === 'queued' || item.state === 'running') &&
          button(t('transfers.pause', { name }), () => void actions.control('pause', [item]), <PauseIcon />)}
        {item.state === 'paused' &&
          button(t('transfers.resume', { name }), () => void actions.control('resume', [item]), '▶')}
        {item.state === 'queued' &&
          button(t('transfers.moveToTop', { name }), () => void actions.moveToTop(item), '⤒')}
        {item.error !== null &&
          item.state !== 'running' &&
          button(
            t('transfers.details', { name }),
            () => ui.getState().openDialog({ kind: 'transfer-details', item }),
            'ⓘ',
          )}
        {canRetry(item) &&
          button(t('transfers.retry', { name }), () => void actions.control('retry', [item]), '↻')}
        {finishedDownload &&
          button(t('open.openDownload', { name }), () => void actions.openDownload(item, 'open'), '↗')}
        {finishedDownload &&
          button(
            t('open.revealDownload', { name }),
            () => void actions.openDownload(item, 'reveal'),
            <FolderIcon />,
          )}
        {(item.state === 'queued' || item.state === 'running' || item.state === 'paused') &&
          button(t('transfers.cancel', { name }), () => void actions.control('cancel', [item]), '✕')}
      </span>
    </div>
  );
}

import type { TFunction } from 'i18next';
import type { TransferItem } from '@pandesk/contract';
import { describeError } from '../../actions/errors';

/** Last path segment of a local path, on any platform. */
function fileName(path: string): string {
  const parts = path.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** A finished download placed under another name than the cloud's (the name was taken). */
export function savedAs(item: TransferItem): string | null {
  if (item.direction !== 'download' || item.kind !== 'file' || item.state !== 'completed') return null;
  const local = fileName(item.localPath);
  return local !== item.name ? local : null;
}

/** Why a running item waits, from the reason it carries. */
function waitingText(t: TFunction, item: TransferItem): string {
  const reason = item.error?.reason;
  const key = `transfers.waiting.${reason ?? ''}`;
  return reason !== undefined && t(key) !== key ? t(key) : t('transfers.phase.waiting_network');
}

/** What the item is doing, or why it stopped, in words of the current language. */
export function stateText(t: TFunction, item: TransferItem): string {
  if (item.state === 'paused' && item.pauseReason === 'auth_required') return t('transfers.pausedAuth');
  if (item.state === 'running') {
    if (item.phase === 'waiting_network') return waitingText(t, item);
    return item.phase ? t(`transfers.phase.${item.phase}`) : t('transfers.starting');
  }
  const renamed = savedAs(item);
  if (renamed !== null) return t('transfers.savedAs', { name: renamed });
  const base = t(`transfers.state.${item.state}`);
  return item.error
    ? t('transfers.stateWithReason', { state: base, reason: describeError(t, item.error) })
    : base;
}

/** Retry is offered where it can work: cancelled items, and failures the error says retrying may cure. */
export function canRetry(item: TransferItem): boolean {
  if (item.state === 'cancelled') return item.error === null || item.error.retryable;
  return item.state === 'failed' && item.error?.retryable !== false;
}

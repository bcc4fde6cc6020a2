/**
 * OS feedback from transfer snapshots: taskbar progress, keep-awake while anything is queued
 * or running (if the setting allows), and one notification when the queue drains, saying how
 * many files finished and failed. Hooks are called only when their value changes.
 */
import type { TransferSnapshot, TransferSummary } from '@pandesk/contract';
import type { PlatformHooks } from '../ports';

export interface PlatformFeedback {
  onSnapshot(snapshot: TransferSnapshot): void;
  /** Re-applies keep-awake after the setting changed. */
  setKeepAwakeAllowed(allowed: boolean): void;
  /** Releases keep-awake and progress (on close). */
  reset(): void;
}

function activeCount(summary: TransferSummary): number {
  return summary.byState.running + summary.byState.queued;
}

function progressOf(summary: TransferSummary): number | null {
  if (activeCount(summary) === 0) return null;
  const total = summary.upload.bytesTotal + summary.download.bytesTotal;
  const done = summary.upload.bytesDone + summary.download.bytesDone;
  return total > 0 ? Math.min(1, done / total) : 0;
}

export function createPlatformFeedback(platform: PlatformHooks, keepAwakeAllowed: boolean): PlatformFeedback {
  let allowed = keepAwakeAllowed;
  let active = false;
  let awake = false;
  let progress: number | null = null;
  let finished = new Set<string>();
  let failed = new Set<string>();

  const applyAwake = (): void => {
    const want = allowed && active;
    if (want === awake) return;
    awake = want;
    platform.keepAwake?.(want);
  };

  const notifyDrained = (): void => {
    if (finished.size === 0 && failed.size === 0) return;
    const parts = [`${finished.size} file${finished.size === 1 ? '' : 's'} done`];
    if (failed.size > 0) parts.push(`${failed.size} failed`);
    platform.notify?.('Transfers finished', `${parts.join(', ')}.`);
    finished = new Set();
    failed = new Set();
  };

  return {
    onSnapshot(snapshot) {
      for (const item of snapshot.changed) {
        if (item.kind !== 'file') continue;
        if (item.state === 'completed') finished.add(item.id);
        if (item.state === 'failed') failed.add(item.id);
      }
      const wasActive = active;
      active = activeCount(snapshot.summary) > 0;
      const nextProgress = progressOf(snapshot.summary);
      if (nextProgress !== progress) {
        progress = nextProgress;
        platform.setProgress?.(nextProgress);
      }
      applyAwake();
      if (wasActive && !active) notifyDrained();
    },
    setKeepAwakeAllowed(next) {
      allowed = next;
      applyAwake();
    },
    reset() {
      active = false;
      applyAwake();
      if (progress !== null) platform.setProgress?.(null);
      progress = null;
    },
  };
}

/**
 * OS feedback from transfer snapshots: taskbar progress and keep-awake while anything is
 * queued or running (if the setting allows). Hooks are called only when their value changes.
 * Notifications are per batch, see batch-notifier.
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

  const applyAwake = (): void => {
    const want = allowed && active;
    if (want === awake) return;
    awake = want;
    platform.keepAwake?.(want);
  };

  return {
    onSnapshot(snapshot) {
      active = activeCount(snapshot.summary) > 0;
      const nextProgress = progressOf(snapshot.summary);
      if (nextProgress !== progress) {
        progress = nextProgress;
        platform.setProgress?.(nextProgress);
      }
      applyAwake();
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

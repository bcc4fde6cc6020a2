/**
 * Taskbar (Windows, Linux Unity) and dock (macOS) progress for the transfer queue. The back end
 * reports a fraction in [0, 1] or `null` when nothing runs; Electron wants `-1` to remove the
 * bar. Values outside the range (or NaN) are clamped so a rounding slip never shows an
 * indeterminate bar (Electron's meaning of values above 1).
 */

export interface ProgressTargetLike {
  isDestroyed(): boolean;
  setProgressBar(progress: number): void;
}

/** Electron's value for a back-end fraction. */
export function toProgressBarValue(fraction: number | null): number {
  if (fraction === null) return -1;
  if (!Number.isFinite(fraction)) return 0;
  return Math.min(1, Math.max(0, fraction));
}

/** A `setProgress` hook that writes to whatever window is current. */
export function createTaskbarProgress(
  target: () => ProgressTargetLike | undefined,
): (fraction: number | null) => void {
  let last: number | undefined;
  return (fraction) => {
    const value = toProgressBarValue(fraction);
    const win = target();
    if (win === undefined || win.isDestroyed()) return;
    // Skip repeats: the back end may report the same fraction on every snapshot.
    if (value === last) return;
    last = value;
    win.setProgressBar(value);
  };
}

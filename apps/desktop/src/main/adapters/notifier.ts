/**
 * Desktop notifications (e.g. "3 uploads finished"). Skipped silently where the OS has no
 * notification service (`isSupported()` false), so a missing daemon never surfaces as an error.
 *
 * Each notification is held until it is clicked or fails (at most the last
 * {@link MAX_HELD}): Electron drops the click handler of a notification object that was
 * garbage-collected, so a local variable alone loses clicks that come minutes later, from the
 * Windows Action Center or the macOS Notification Center. A toast that timed out into those
 * centres reports `close` yet can still be clicked, so closing does not release it. Clicking
 * shows the window, opening it again when it was closed (macOS keeps running without windows).
 */

/** Notifications held for their click at most; older ones are let go first. */
export const MAX_HELD = 50;

export interface NotificationLike {
  on(event: 'click' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
}

export interface Notifier {
  (title: string, body: string): void;
  /** How many notifications are held for their click (for tests and diagnostics). */
  readonly pending: () => number;
}

export function createNotifier(factory: NotificationFactory, showWindow: () => void): Notifier {
  const live = new Set<NotificationLike>();
  const notify = ((title: string, body: string) => {
    if (!factory.isSupported()) return;
    const note = factory.create({ title: title.slice(0, 200), body: body.slice(0, 1000), silent: false });
    live.add(note);
    for (const old of live) {
      if (live.size <= MAX_HELD) break;
      live.delete(old);
    }
    const release = (): boolean => live.delete(note);
    note.on('click', () => {
      release();
      showWindow();
    });
    note.on('failed', release);
    note.show();
  }) as Notifier;
  Object.defineProperty(notify, 'pending', { value: () => live.size });
  return notify;
}

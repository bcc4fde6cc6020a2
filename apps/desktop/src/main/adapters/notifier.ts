/**
 * Desktop notifications (e.g. "3 uploads finished"). Skipped silently where the OS has no
 * notification service (`isSupported()` false), so a missing daemon never surfaces as an error.
 * Clicking a notification brings the window to the front.
 */

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
}

export function createNotifier(
  factory: NotificationFactory,
  focusWindow: () => void,
): (title: string, body: string) => void {
  return (title, body) => {
    if (!factory.isSupported()) return;
    const note = factory.create({ title: title.slice(0, 200), body: body.slice(0, 1000), silent: false });
    note.on('click', focusWindow);
    note.show();
  };
}

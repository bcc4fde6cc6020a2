import { describe, expect, it } from 'vitest';
import { createKeepAwake } from './keep-awake';
import type { PowerSaveBlockerLike } from './keep-awake';
import type { EventEmitter } from 'node:events';
import { createNotificationClass } from '../../../test/fake-electron-services';
import { MAX_HELD, createNotifier } from './notifier';
import type { NotificationFactory } from './notifier';
import { createTaskbarProgress, toProgressBarValue } from './taskbar-progress';

function fakeBlocker(): PowerSaveBlockerLike & { live: Set<number>; starts: number } {
  const live = new Set<number>();
  let next = 1;
  const self = {
    live,
    starts: 0,
    start() {
      self.starts += 1;
      live.add(next);
      return next++;
    },
    stop: (id: number) => live.delete(id),
    isStarted: (id: number) => live.has(id),
  };
  return self;
}

describe('keep awake', () => {
  it('holds one blocker however often it is switched on, and releases it', () => {
    const blocker = fakeBlocker();
    const keep = createKeepAwake(blocker);
    keep.set(true);
    keep.set(true);
    expect(blocker.starts).toBe(1);
    expect(keep.active).toBe(true);
    keep.set(false);
    keep.set(false);
    expect(blocker.live.size).toBe(0);
    expect(keep.active).toBe(false);
  });

  it('starts a new blocker if the old one was released behind its back', () => {
    const blocker = fakeBlocker();
    const keep = createKeepAwake(blocker);
    keep.set(true);
    blocker.live.clear();
    keep.set(true);
    expect(blocker.starts).toBe(2);
    expect(keep.active).toBe(true);
  });
});

describe('taskbar progress', () => {
  it('maps fractions to Electron values, removing the bar for null', () => {
    expect(toProgressBarValue(null)).toBe(-1);
    expect(toProgressBarValue(0.25)).toBe(0.25);
    expect(toProgressBarValue(1.7)).toBe(1);
    expect(toProgressBarValue(-3)).toBe(0);
    expect(toProgressBarValue(Number.NaN)).toBe(0);
  });

  it('writes to the current window, skipping repeats and missing windows', () => {
    const values: number[] = [];
    const holder: { win?: { isDestroyed(): boolean; setProgressBar(v: number): void } } = {};
    const set = createTaskbarProgress(() => holder.win);
    set(0.5);
    holder.win = { isDestroyed: () => false, setProgressBar: (v) => values.push(v) };
    set(0.5);
    set(0.5);
    set(null);
    expect(values).toEqual([0.5, -1]);
  });
});

describe('notifications', () => {
  const ready = { isReady: () => true };

  function electronNotifications(supported = true) {
    const shown: EventEmitter[] = [];
    const Notification = createNotificationClass(ready, shown, () => supported);
    const factory: NotificationFactory = {
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options),
    };
    return { shown, factory };
  }

  it('shows a notification that brings the window back when clicked, even after it timed out', () => {
    const { shown, factory } = electronNotifications();
    let shownWindow = 0;
    const notify = createNotifier(factory, () => (shownWindow += 1));
    notify('Transfers finished', '3 uploads finished');
    expect(shown).toHaveLength(1);
    expect((shown[0] as unknown as { options: unknown }).options).toEqual({
      title: 'Transfers finished',
      body: '3 uploads finished',
      silent: false,
    });
    // Held for its click while it sits in the notification centre, after closing on screen.
    shown[0]?.emit('close');
    expect(notify.pending()).toBe(1);
    shown[0]?.emit('click');
    expect(shownWindow).toBe(1);
    expect(notify.pending()).toBe(0);
  });

  it('lets failed notifications go, and holds at most the newest ones', () => {
    const { shown, factory } = electronNotifications();
    const notify = createNotifier(factory, () => undefined);
    notify('a', 'b');
    shown[0]?.emit('failed');
    expect(notify.pending()).toBe(0);
    for (let i = 0; i < MAX_HELD + 5; i += 1) notify('t', String(i));
    expect(notify.pending()).toBe(MAX_HELD);
  });

  it('does nothing where the OS has no notifications', () => {
    const { shown, factory } = electronNotifications(false);
    expect(() => createNotifier(factory, () => undefined)('a', 'b')).not.toThrow();
    expect(shown).toEqual([]);
  });
});

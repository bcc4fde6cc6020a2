import { describe, expect, it } from 'vitest';
import { createKeepAwake } from './keep-awake';
import type { PowerSaveBlockerLike } from './keep-awake';
import { createNotifier } from './notifier';
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
  it('shows a notification that focuses the window when clicked', () => {
    const shown: Array<{ title: string; body: string }> = [];
    let click: (() => void) | undefined;
    let focused = 0;
    const factory: NotificationFactory = {
      isSupported: () => true,
      create: (options) => ({
        on: (_e, listener) => (click = listener),
        show: () => shown.push({ title: options.title, body: options.body }),
      }),
    };
    createNotifier(factory, () => (focused += 1))('Transfers finished', '3 uploads finished');
    expect(shown).toEqual([{ title: 'Transfers finished', body: '3 uploads finished' }]);
    click?.();
    expect(focused).toBe(1);
  });

  it('does nothing where the OS has no notifications', () => {
    const factory: NotificationFactory = {
      isSupported: () => false,
      create: () => {
        throw new Error('must not be called');
      },
    };
    expect(() => createNotifier(factory, () => undefined)('a', 'b')).not.toThrow();
  });
});

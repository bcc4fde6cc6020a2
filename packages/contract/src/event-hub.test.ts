import { describe, expect, it, vi } from 'vitest';
import { createEventHub } from './event-hub';

describe('createEventHub', () => {
  it('keeps delivering to the other listeners when one throws, and reports the error', () => {
    const onListenerError = vi.fn();
    const hub = createEventHub({ onListenerError });
    const broken = new Error('view crashed');
    const after = vi.fn();
    hub.on('places:changed', () => {
      throw broken;
    });
    hub.on('places:changed', after);
    hub.emit('places:changed', []);
    expect(after).toHaveBeenCalledWith([]);
    expect(onListenerError).toHaveBeenCalledWith(broken, 'places:changed');
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const hub = createEventHub();
    const listener = vi.fn();
    const stop = hub.on('folder:changed', listener);
    hub.on('folder:changed', listener);
    hub.emit('folder:changed', { folderIds: [1], trashChanged: false });
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    stop();
    hub.emit('folder:changed', { folderIds: [1], trashChanged: false });
    expect(listener).toHaveBeenCalledTimes(3);
    expect(hub.listenerCount('folder:changed')).toBe(1);
    hub.clear();
    expect(hub.listenerCount('folder:changed')).toBe(0);
  });

  it('lets a listener unsubscribe another during delivery without skipping the current round', () => {
    const hub = createEventHub();
    const second = vi.fn();
    let stopSecond = (): void => undefined;
    hub.on('places:changed', () => stopSecond());
    stopSecond = hub.on('places:changed', second);
    hub.emit('places:changed', []);
    hub.emit('places:changed', []);
    expect(second).toHaveBeenCalledTimes(1);
  });
});

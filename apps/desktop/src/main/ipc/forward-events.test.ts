import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, createEventHub } from '@pandesk/contract';
import type { PanDeskEvents } from '@pandesk/contract';
import { forwardEvents } from './forward-events';

describe('event forwarding', () => {
  it('sends every event of the map to the live window and stops after unsubscribe', () => {
    const hub = createEventHub();
    const sent: Array<[string, unknown]> = [];
    let destroyed = false;
    const sink = { isDestroyed: () => destroyed, send: (c: string, p: unknown) => sent.push([c, p]) };
    const off = forwardEvents(hub, () => sink);
    for (const event of EVENT_NAMES) expect(hub.listenerCount(event)).toBe(1);

    const change: PanDeskEvents['folder:changed'] = { folderIds: [1], trashChanged: false };
    hub.emit('folder:changed', change);
    hub.emit('places:changed', []);
    expect(sent).toEqual([
      ['folder:changed', change],
      ['places:changed', []],
    ]);

    destroyed = true;
    hub.emit('places:changed', []);
    expect(sent).toHaveLength(2);

    off();
    for (const event of EVENT_NAMES) expect(hub.listenerCount(event)).toBe(0);
  });

  it('drops events while there is no window', () => {
    const hub = createEventHub();
    forwardEvents(hub, () => undefined);
    expect(() => hub.emit('places:changed', [])).not.toThrow();
  });
});

import { EVENT_NAMES } from '@pandesk/contract';
import type { PanDeskEventSource } from '@pandesk/contract';

/** The slice of `webContents` events are sent through. */
export interface EventSinkLike {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * Forwards every event of the contract's event map to the window, by looping over
 * `EVENT_NAMES`. `target()` is read on each event so a re-created window keeps receiving;
 * events are dropped while there is no live window (the renderer re-reads state on load).
 * Returns the function that unsubscribes everything.
 */
export function forwardEvents(
  source: PanDeskEventSource,
  target: () => EventSinkLike | undefined,
): () => void {
  const offs = EVENT_NAMES.map((event) =>
    source.on(event, (payload) => {
      const sink = target();
      if (sink !== undefined && !sink.isDestroyed()) sink.send(event, payload);
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}

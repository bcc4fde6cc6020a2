import type { EventListener, EventName, PanDeskEventSource, PanDeskEvents, Unsubscribe } from './events';

/**
 * A typed in-process emitter for the event map: the back end emits into one, the RPC client
 * re-emits what arrives over a transport. A throwing listener does not stop the others; the
 * error goes to `onListenerError` (default: dropped) so one broken view cannot starve the rest.
 */
export interface PanDeskEventHub extends PanDeskEventSource {
  emit<E extends EventName>(event: E, payload: PanDeskEvents[E]): void;
  /** Number of listeners for one event (for tests and for skipping work nobody watches). */
  listenerCount(event: EventName): number;
  /** Drops every listener. */
  clear(): void;
}

export interface EventHubOptions {
  onListenerError?: (error: unknown, event: EventName) => void;
}

export function createEventHub(options: EventHubOptions = {}): PanDeskEventHub {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry = (payload: unknown): void => listener(payload as PanDeskEvents[E]);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  function emit<E extends EventName>(event: E, payload: PanDeskEvents[E]): void {
    const set = listeners.get(event);
    if (set === undefined) return;
    for (const entry of [...set]) {
      try {
        entry(payload);
      } catch (error) {
        options.onListenerError?.(error, event);
      }
    }
  }

  return {
    on,
    emit,
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
    clear: () => listeners.clear(),
  };
}

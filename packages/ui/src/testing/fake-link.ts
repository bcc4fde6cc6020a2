/**
 * Puts in-memory handlers behind the same link the real hosts use: the contract's `serveApi`
 * (which validates every input against the channel schemas) over its in-memory transport pair,
 * JSON-serialised as over the web host's WebSocket, with a client bridge on the other end.
 * Counts the listeners the renderer holds, so tests can check it lets go of them.
 */
import { createApiClient, createInMemoryTransportPair } from '@pandesk/contract';
import { serveApi } from '@pandesk/contract/server';
import type { EventName, PanDeskApi, PanDeskBridge, PanDeskEventSource } from '@pandesk/contract';

export interface LinkedBridge extends PanDeskBridge {
  /** Listeners held through `on` for this event (0 once every one unsubscribed). */
  listenerCount(event: EventName): number;
}

export function serveOverLink(handlers: PanDeskApi, events: PanDeskEventSource): LinkedBridge {
  const [serverEnd, clientEnd] = createInMemoryTransportPair({ serialisation: 'json' });
  serveApi(handlers, serverEnd, { events });
  const client = createApiClient(clientEnd);
  const held = new Map<EventName, number>();
  const on: PanDeskBridge['on'] = (event, listener) => {
    held.set(event, (held.get(event) ?? 0) + 1);
    const off = client.on(event, listener);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      held.set(event, (held.get(event) ?? 1) - 1);
      off();
    };
  };
  return { ...client, on, listenerCount: (event) => held.get(event) ?? 0 };
}

import type { PanDeskApi } from '../api';
import { API_CHANNELS } from '../channels';
import { fail, isResult } from '../errors';
import type { ErrorFacts, Result } from '../errors';

const DISCONNECTED: ErrorFacts = { reason: 'disconnected' };
import { createEventHub } from '../event-hub';
import { isEventName } from '../events';
import type { EventListener, EventName, PanDeskBridge, Unsubscribe } from '../events';
import type { Transport } from './transport';

/**
 * The renderer half. `createApiProxy` turns any "invoke a channel" + "subscribe to an event"
 * pair into a full {@link PanDeskBridge} by looping over the channel table; the Electron
 * preload calls it with `ipcRenderer.invoke`, and `createApiClient` with an RPC transport.
 */

export interface ApiProxyPorts {
  /** Sends one call; must resolve to the Result (never reject, but a rejection is tolerated). */
  invoke(channel: string, input: unknown): Promise<unknown>;
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
}

function checked(channel: string, answer: unknown): Result<unknown> {
  return isResult(answer)
    ? answer
    : fail('internal', `The answer to ${channel} was malformed.`, false, { reason: 'internal' });
}

/** Builds a plain object of plain functions (safe to pass through Electron's contextBridge). */
export function createApiProxy(ports: ApiProxyPorts): PanDeskBridge {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const { channel, domain, method } of API_CHANNELS) {
    const group = (api[domain] ??= {});
    group[method] = (input?: unknown) =>
      ports.invoke(channel, input).then(
        (answer) => checked(channel, answer),
        () =>
          fail('disconnected', `PanDesk's back end could not be reached for ${channel}.`, true, DISCONNECTED),
      );
  }
  return { ...(api as unknown as PanDeskApi), on: (event, listener) => ports.on(event, listener) };
}

/** A client bridge plus the means to stop it. */
export interface ApiClient extends PanDeskBridge {
  /** Closes the transport; pending and later calls answer `disconnected`. */
  close(): void;
}

/**
 * A {@link PanDeskBridge} over a transport: calls become `call` messages matched to results by
 * id, and incoming `event` messages are delivered to `on` listeners. When the link closes,
 * every pending call resolves to a `disconnected` error (retryable) instead of hanging.
 */
export function createApiClient(transport: Transport): ApiClient {
  const hub = createEventHub();
  const pending = new Map<number, (answer: unknown) => void>();
  let nextId = 1;
  let closed = false;

  function settleAll(): void {
    closed = true;
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting)
      resolve(fail('disconnected', "The link to PanDesk's back end closed.", true, DISCONNECTED));
  }

  function receive(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    if (m.kind === 'result' && typeof m.id === 'number') {
      const resolve = pending.get(m.id);
      pending.delete(m.id);
      resolve?.(m.result);
    } else if (m.kind === 'event' && isEventName(m.event)) {
      hub.emit(m.event, m.payload as never);
    }
  }

  function invoke(channel: string, input: unknown): Promise<unknown> {
    if (closed)
      return Promise.resolve(
        fail('disconnected', "The link to PanDesk's back end is closed.", true, DISCONNECTED),
      );
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      transport.send(
        input === undefined ? { kind: 'call', id, channel } : { kind: 'call', id, channel, input },
      );
    });
  }

  transport.onMessage(receive);
  transport.onClose(settleAll);
  const bridge = createApiProxy({ invoke, on: (event, listener) => hub.on(event, listener) });
  return {
    ...bridge,
    close() {
      transport.close();
      settleAll();
    },
  };
}

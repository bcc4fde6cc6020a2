import type { Unsubscribe } from '../events';
import type { RpcMessage } from './messages';

/**
 * One end of a message link. The RPC layer only needs these four operations, so the same
 * server and client run over a WebSocket, Electron IPC, or the in-memory pair used by tests.
 * Incoming messages are typed `unknown`: they come from the other side and are checked.
 */
export interface Transport {
  /** Sends one message. After close, sending is silently dropped. */
  send(message: RpcMessage): void;
  /** Listens for incoming messages; returns the function that stops listening. */
  onMessage(listener: (message: unknown) => void): Unsubscribe;
  /** Listens for the link closing (from either end); fires at most once per listener. */
  onClose(listener: () => void): Unsubscribe;
  /** Closes the link for both ends. Idempotent. */
  close(): void;
}

/**
 * How the in-memory pair copies messages, to mimic a real link: `json` as over a WebSocket
 * (drops `undefined`, refuses cycles), `clone` as over Electron IPC (structured clone), `none`
 * to pass the same object (fastest, hides serialisation bugs).
 */
export type Serialisation = 'json' | 'clone' | 'none';

export interface InMemoryTransportOptions {
  serialisation?: Serialisation;
}

function copier(mode: Serialisation): (message: RpcMessage) => unknown {
  if (mode === 'json') return (message) => JSON.parse(JSON.stringify(message)) as unknown;
  if (mode === 'clone') return (message) => structuredClone(message);
  return (message) => message;
}

interface LinkState {
  closed: boolean;
  readonly closeListeners: Set<() => void>;
}

function createEnd(
  state: LinkState,
  inbox: Set<(m: unknown) => void>,
  peerInbox: Set<(m: unknown) => void>,
  copy: (m: RpcMessage) => unknown,
): Transport {
  return {
    send(message) {
      if (state.closed) return;
      // Copy now (a later mutation by the sender must not leak), deliver asynchronously like a real link.
      const copied = copy(message);
      queueMicrotask(() => {
        if (state.closed) return;
        for (const listener of [...peerInbox]) listener(copied);
      });
    },
    onMessage(listener) {
      const entry = (m: unknown): void => listener(m);
      inbox.add(entry);
      return () => inbox.delete(entry);
    },
    onClose(listener) {
      let fired = false;
      const entry = (): void => {
        if (fired) return;
        fired = true;
        listener();
      };
      state.closeListeners.add(entry);
      return () => state.closeListeners.delete(entry);
    },
    close() {
      if (state.closed) return;
      state.closed = true;
      for (const listener of [...state.closeListeners]) listener();
      state.closeListeners.clear();
    },
  };
}

/**
 * Two connected transports, e.g. one for `serveApi` and one for `createApiClient`. Messages
 * are delivered in order, asynchronously, copied per {@link Serialisation} (default `json`).
 */
export function createInMemoryTransportPair(
  options: InMemoryTransportOptions = {},
): readonly [Transport, Transport] {
  const copy = copier(options.serialisation ?? 'json');
  const state: LinkState = { closed: false, closeListeners: new Set() };
  const inboxA = new Set<(m: unknown) => void>();
  const inboxB = new Set<(m: unknown) => void>();
  return [createEnd(state, inboxA, inboxB, copy), createEnd(state, inboxB, inboxA, copy)] as const;
}

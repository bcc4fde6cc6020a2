import type { Result } from '../errors';
import type { EventName } from '../events';

/**
 * The wire messages of the RPC layer. Every message is a plain JSON-safe object, so the same
 * messages travel over a WebSocket (as JSON text), Electron IPC (structured clone) or an
 * in-memory pair. Calls carry a caller-chosen numeric id that the matching result echoes.
 */

export interface CallMessage {
  readonly kind: 'call';
  readonly id: number;
  readonly channel: string;
  readonly input?: unknown;
}

export interface ResultMessage {
  readonly kind: 'result';
  readonly id: number;
  readonly result: Result<unknown>;
}

export interface EventMessage {
  readonly kind: 'event';
  readonly event: EventName;
  readonly payload: unknown;
}

export type RpcMessage = CallMessage | ResultMessage | EventMessage;

/** Reads the id of something that looks like a call, so even a malformed call can be answered. */
export function callIdOf(message: unknown): number | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { kind, id } = message as Record<string, unknown>;
  return kind === 'call' && Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : undefined;
}

import { z } from 'zod';
import type { PanDeskApi } from '../api';
import { fail } from '../errors';
import { EVENT_NAMES } from '../events';
import type { EventName, PanDeskEventSource, PanDeskEvents, Unsubscribe } from '../events';
import { createDispatcher } from './dispatch';
import type { DispatchOptions } from './dispatch';
import { callIdOf } from '../rpc/messages';
import type { Transport } from '../rpc/transport';

/** Longest channel name worth looking up; anything longer is garbage. */
const MAX_CHANNEL_LENGTH = 100;

/** Shape check for calls arriving from an untrusted peer (the input itself is checked later, per channel). */
const callMessageSchema = z.object({
  kind: z.literal('call'),
  id: z.int().min(0),
  channel: z.string().max(MAX_CHANNEL_LENGTH),
  input: z.unknown().optional(),
});

export interface ServeOptions extends DispatchOptions {
  /** Every event of this source is forwarded to the peer until the link closes or `close()` is called. */
  events?: PanDeskEventSource;
}

/** A running server on one link. */
export interface ServedApi {
  /** Pushes one event to the peer. */
  emit<E extends EventName>(event: E, payload: PanDeskEvents[E]): void;
  /** Stops answering and forwarding, and closes the transport. */
  close(): void;
}

/**
 * Answers calls arriving on `transport` with `handlers`, validating every input against the
 * channel table (unless `validate: false`). Calls run concurrently; each result echoes its
 * call's id. A message that is not a call is ignored; a malformed call that carries an id gets
 * an `invalid_input` answer.
 */
export function serveApi(handlers: PanDeskApi, transport: Transport, options: ServeOptions = {}): ServedApi {
  const dispatch = createDispatcher(handlers, options);
  let open = true;
  const cleanups: Unsubscribe[] = [];

  async function answer(message: unknown): Promise<void> {
    const parsed = callMessageSchema.safeParse(message);
    if (!parsed.success) {
      const id = callIdOf(message);
      if (id !== undefined)
        transport.send({
          kind: 'result',
          id,
          result: fail('invalid_input', 'The call message is malformed.', false, {
            reason: 'invalid_request',
          }),
        });
      return;
    }
    const { id, channel, input } = parsed.data;
    const result = await dispatch(channel, input);
    if (open) transport.send({ kind: 'result', id, result });
  }

  function emit<E extends EventName>(event: E, payload: PanDeskEvents[E]): void {
    if (open) transport.send({ kind: 'event', event, payload });
  }

  function close(): void {
    if (!open) return;
    open = false;
    for (const cleanup of cleanups.splice(0)) cleanup();
    transport.close();
  }

  cleanups.push(
    transport.onMessage((message) => {
      if (open) void answer(message);
    }),
  );
  cleanups.push(transport.onClose(close));
  for (const event of EVENT_NAMES) {
    const source = options.events;
    if (source !== undefined) cleanups.push(source.on(event, (payload) => emit(event, payload)));
  }
  return { emit, close };
}

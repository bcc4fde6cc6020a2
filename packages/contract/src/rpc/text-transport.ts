import { fail } from '../errors';
import type { Unsubscribe } from '../events';
import type { RpcMessage } from './messages';
import type { Transport } from './transport';

/**
 * A link that carries strings, e.g. a WebSocket (browser or `ws`), a worker port or a pipe.
 * Adapt the socket's own API to these four functions.
 */
export interface TextPort {
  send(text: string): void;
  onText(listener: (text: string) => void): Unsubscribe;
  onClose(listener: () => void): Unsubscribe;
  close(): void;
}

export interface TextTransportOptions {
  /** Longest incoming message accepted, in UTF-16 units (default 16 MiB); longer ones are dropped. */
  maxMessageLength?: number;
  /** Told about dropped incoming text (not JSON, or too long); never given the text itself. */
  onInvalid?: (reason: 'not_json' | 'too_long') => void;
}

const DEFAULT_MAX_MESSAGE_LENGTH = 16 * 1024 * 1024;

/**
 * JSON framing over a {@link TextPort}: one message per string. A result that cannot be
 * serialised (a cycle, a BigInt) is replaced by an `internal` error for the same call, so the
 * caller is answered instead of waiting forever; other unserialisable messages are dropped.
 */
export function createTextTransport(port: TextPort, options: TextTransportOptions = {}): Transport {
  const maxLength = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE_LENGTH;
  let closed = false;
  port.onClose(() => {
    closed = true;
  });

  function encode(message: RpcMessage): string | undefined {
    try {
      return JSON.stringify(message);
    } catch {
      if (message.kind !== 'result') return undefined;
      return JSON.stringify({
        ...message,
        result: fail('internal', 'The answer could not be sent.', false, { reason: 'internal' }),
      });
    }
  }

  return {
    send(message) {
      if (closed) return;
      const text = encode(message);
      if (text !== undefined) port.send(text);
    },
    onMessage(listener) {
      return port.onText((text) => {
        if (text.length > maxLength) return options.onInvalid?.('too_long');
        let message: unknown;
        try {
          message = JSON.parse(text);
        } catch {
          return options.onInvalid?.('not_json');
        }
        listener(message);
      });
    },
    onClose: (listener) => port.onClose(listener),
    close() {
      if (closed) return;
      closed = true;
      port.close();
    },
  };
}

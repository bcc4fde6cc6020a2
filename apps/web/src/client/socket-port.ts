import type { TextPort } from '@pandesk/contract';

/** The browser WebSocket as the contract's string link, and how the page opens it. */

/** Subprotocols the host expects: `pandesk` plus `k.<secret>` (browsers cannot set headers on a WebSocket). */
export function socketProtocols(secret: string): string[] {
  return ['pandesk', `k.${secret}`];
}

export function browserTextPort(socket: WebSocket): TextPort {
  return {
    send(text) {
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    onText(listener) {
      const onMessage = (event: MessageEvent): void => {
        if (typeof event.data === 'string') listener(event.data);
      };
      socket.addEventListener('message', onMessage);
      return () => socket.removeEventListener('message', onMessage);
    },
    onClose(listener) {
      if (socket.readyState === WebSocket.CLOSED) queueMicrotask(listener);
      socket.addEventListener('close', listener);
      return () => socket.removeEventListener('close', listener);
    },
    close() {
      socket.close(1000);
    },
  };
}

/** Opens the host's socket; rejects when it is refused or unreachable. */
export function openHostSocket(url: string, secret: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, socketProtocols(secret));
    const onOpen = (): void => {
      socket.removeEventListener('error', onError);
      resolve(socket);
    };
    const onError = (): void => {
      socket.removeEventListener('open', onOpen);
      reject(new Error('The PanDesk host refused the connection or is not running.'));
    };
    socket.addEventListener('open', onOpen, { once: true });
    socket.addEventListener('error', onError, { once: true });
  });
}

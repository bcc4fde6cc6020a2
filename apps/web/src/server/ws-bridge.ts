import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createTextTransport } from '@pandesk/contract';
import { serveApi } from '@pandesk/contract/server';
import type { PanDeskApi, PanDeskEventSource, TextPort } from '@pandesk/contract';
import type { ServedApi } from '@pandesk/contract/server';
import { WebSocket, WebSocketServer } from 'ws';
import { WS_PROTOCOL, protocolSecret, secretsEqual } from './launch-secret';
import { isAllowedHost, isAllowedOrigin } from './request-guard';

/**
 * The contract over a WebSocket: each authorised connection gets its own `serveApi` on a
 * `createTextTransport` over the socket, with every back-end event forwarded. Upgrades are
 * refused (403, before any WebSocket handshake) unless the path is `/ws`, `Host` is ours,
 * `Origin` is ours (or absent) and the launch secret is offered as the `k.<secret>` subprotocol.
 */

/** Largest incoming WebSocket frame, in bytes (inputs are small; uploads go over HTTP). */
const MAX_PAYLOAD = 16 * 1024 * 1024;

export interface WsBridgeOptions {
  readonly api: PanDeskApi;
  readonly events: PanDeskEventSource;
  readonly secret: string;
  /** Resolved when the server is listening; the port the Host/Origin checks use. */
  readonly port: () => number;
  /** Unexpected handler errors (to the redacting log). */
  readonly onError?: (error: unknown, context: string) => void;
}

export interface WsBridge {
  /** Handles an HTTP `upgrade` event (authorises, then hands over to `ws`). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Connections currently open. */
  readonly connectionCount: () => number;
  /** Closes every connection. */
  close(): void;
}

function rawText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Adapts a `ws` socket to the contract's string link. */
export function toTextPort(socket: WebSocket): TextPort {
  return {
    send(text) {
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    onText(listener) {
      const onMessage = (data: WebSocket.RawData, isBinary: boolean): void => {
        if (!isBinary) listener(rawText(data));
      };
      socket.on('message', onMessage);
      return () => socket.off('message', onMessage);
    },
    onClose(listener) {
      if (socket.readyState === WebSocket.CLOSED) queueMicrotask(listener);
      socket.on('close', listener);
      return () => socket.off('close', listener);
    },
    close() {
      socket.close(1000);
    },
  };
}

function offeredProtocols(req: IncomingMessage): Set<string> {
  const header = req.headers['sec-websocket-protocol'];
  const values = typeof header === 'string' ? header.split(',') : [];
  return new Set(values.map((v) => v.trim()).filter((v) => v !== ''));
}

function refuse(socket: Duplex, status: 400 | 403 | 404): void {
  const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  const served = new Set<ServedApi>();

  function authorised(req: IncomingMessage): 403 | 404 | undefined {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws') return 404;
    const policy = { port: options.port() };
    if (!isAllowedHost(req, policy) || !isAllowedOrigin(req, policy)) return 403;
    const protocols = offeredProtocols(req);
    if (!protocols.has(WS_PROTOCOL)) return 403;
    return secretsEqual(options.secret, protocolSecret(protocols)) ? undefined : 403;
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const refusal = authorised(req);
    if (refusal !== undefined) return refuse(socket, refusal);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const server = serveApi(options.api, createTextTransport(toTextPort(ws)), {
        validate: true,
        events: options.events,
        ...(options.onError === undefined ? {} : { onError: options.onError }),
      });
      served.add(server);
      ws.on('close', () => served.delete(server));
      ws.on('error', () => ws.terminate());
    });
  }

  return {
    handleUpgrade,
    connectionCount: () => served.size,
    close() {
      for (const server of [...served]) server.close();
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

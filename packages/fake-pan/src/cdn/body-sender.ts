/**
 * Writes a response body from a stream with two network faults applied:
 * - a bandwidth cap (bytes per second, read live so a test can change it mid-transfer),
 *   enforced by sleeping until each piece is due, never by spinning;
 * - a cut: after `cutAfterBytes` body bytes the socket is destroyed, so the client sees a
 *   truncated body on a connection that dies (as when a CDN edge drops a download).
 *
 * Respects backpressure and stops reading as soon as the client goes away.
 */
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SendOptions {
  /** Current cap in bytes per second; 0 = unlimited. */
  bytesPerSecond: () => number;
  /** Destroy the socket after this many body bytes; undefined = never. */
  cutAfterBytes?: number;
}

export type SendOutcome = { kind: 'complete' | 'cut' | 'client_gone'; bytes: number };

/** Pieces are small enough that a paced stream wakes about 10 times per second. */
function pieceSize(rate: number): number {
  return rate > 0 ? Math.max(1024, Math.floor(rate / 10)) : Infinity;
}

function waitDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Resolves once `piece` reached the socket, or the response died trying. */
function writeAndFlush(res: ServerResponse, piece: Buffer): Promise<void> {
  return new Promise((resolve) => {
    res.once('close', resolve);
    res.write(piece, () => {
      res.off('close', resolve);
      resolve();
    });
  });
}

export async function sendBody(res: ServerResponse, source: NodeJS.ReadableStream, options: SendOptions): Promise<SendOutcome> {
  let sent = 0;
  let pacedBytes = 0;
  let pacedSince = performance.now();
  let pacedRate = options.bytesPerSecond();
  const cut = options.cutAfterBytes;
  try {
    for await (const chunk of source) {
      let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      while (buffer.length > 0) {
        if (res.destroyed) return { kind: 'client_gone', bytes: sent };
        const rate = options.bytesPerSecond();
        if (rate !== pacedRate) {
          pacedRate = rate;
          pacedBytes = 0;
          pacedSince = performance.now();
        }
        let piece = buffer.subarray(0, pieceSize(rate));
        buffer = buffer.subarray(piece.length);
        if (cut !== undefined && sent + piece.length >= cut) {
          piece = piece.subarray(0, cut - sent);
          if (piece.length > 0) await writeAndFlush(res, piece);
          sent += piece.length;
          res.socket?.destroy();
          res.destroy();
          return { kind: 'cut', bytes: sent };
        }
        const flushed = res.write(piece);
        sent += piece.length;
        if (!flushed) await waitDrain(res);
        if (rate > 0) {
          pacedBytes += piece.length;
          const due = pacedSince + (pacedBytes / rate) * 1000;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
        }
      }
    }
  } finally {
    (source as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
  if (res.destroyed) return { kind: 'client_gone', bytes: sent };
  res.end();
  return { kind: 'complete', bytes: sent };
}

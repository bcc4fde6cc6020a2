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
  /** Told about body bytes as they are handed to the socket (for byte accounting). */
  onBytes?: (bytes: number) => void;
}

export type SendOutcome = { kind: 'complete' | 'cut' | 'client_gone'; bytes: number };

/**
 * Paces writes to a byte rate read live from `bytesPerSecond`. Pieces are small enough that a
 * paced stream wakes about 10 times per second; a changed cap restarts the schedule.
 */
function createPacer(bytesPerSecond: () => number) {
  let rate = bytesPerSecond();
  let since = performance.now();
  let paced = 0;
  return {
    pieceSize(): number {
      const current = bytesPerSecond();
      if (current !== rate) {
        rate = current;
        since = performance.now();
        paced = 0;
      }
      return rate > 0 ? Math.max(1024, Math.floor(rate / 10)) : Infinity;
    },
    /** Sleeps until `bytes` more are due under the cap. */
    async wrote(bytes: number): Promise<void> {
      if (rate <= 0) return;
      paced += bytes;
      const wait = since + (paced / rate) * 1000 - performance.now();
      if (wait > 0) await sleep(wait);
    },
  };
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

/** Writes the last bytes before a cut, then kills the connection. */
async function cutConnection(res: ServerResponse, lastPiece: Buffer): Promise<void> {
  if (lastPiece.length > 0) await writeAndFlush(res, lastPiece);
  res.socket?.destroy();
  res.destroy();
}

export async function sendBody(
  res: ServerResponse,
  source: NodeJS.ReadableStream,
  options: SendOptions,
): Promise<SendOutcome> {
  const pacer = createPacer(options.bytesPerSecond);
  const cut = options.cutAfterBytes;
  let sent = 0;
  try {
    for await (const chunk of source) {
      let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      while (buffer.length > 0) {
        if (res.destroyed) return { kind: 'client_gone', bytes: sent };
        const piece = buffer.subarray(0, pacer.pieceSize());
        buffer = buffer.subarray(piece.length);
        if (cut !== undefined && sent + piece.length >= cut) {
          options.onBytes?.(cut - sent);
          await cutConnection(res, piece.subarray(0, cut - sent));
          return { kind: 'cut', bytes: cut };
        }
        const flushed = res.write(piece);
        sent += piece.length;
        options.onBytes?.(piece.length);
        if (!flushed) await waitDrain(res);
        await pacer.wrote(piece.length);
      }
    }
  } finally {
    (source as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
  if (res.destroyed) return { kind: 'client_gone', bytes: sent };
  res.end();
  return { kind: 'complete', bytes: sent };
}

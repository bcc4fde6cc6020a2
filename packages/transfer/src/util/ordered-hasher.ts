/**
 * MD5 of a file that is being written out of order (parallel download segments), computed
 * while it downloads: the caller reports how far the file is complete from its start, and a
 * worker thread reads (from the page cache) and hashes up to there. The verification pass
 * after the download therefore costs almost nothing, and the hashing runs on another core
 * instead of competing with the network on the main thread.
 *
 * The worker's code is plain JavaScript passed as a string (eval), so it runs the same under
 * tsx, vitest and Electron without a build step.
 */
import { Worker } from 'node:worker_threads';

export interface OrderedHasher {
  /** Bytes [0, end) are written and final; hashing may proceed up to `end` (monotonic). */
  advance(end: number): void;
  /** MD5 (lowercase hex) of bytes [0, size); call once every byte is written. Ends the worker. */
  digest(size: number): Promise<string>;
  /** Stops the worker without a result (abort, failure). */
  dispose(): void;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const hash = createHash('md5');
const buffer = Buffer.allocUnsafe(1024 * 1024);
const fd = openSync(workerData.path, 'r');
let pos = 0;
parentPort.on('message', (message) => {
  try {
    while (pos < message.end) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, message.end - pos), pos);
      if (n === 0) throw new Error('the file ended before ' + message.end);
      hash.update(buffer.subarray(0, n));
      pos += n;
    }
    if (message.final) {
      closeSync(fd);
      parentPort.postMessage({ digest: hash.digest('hex') });
    }
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
});
`;

export function createOrderedHasher(path: string): OrderedHasher {
  // No inherited flags (see hash-workers): plain CommonJS whatever the host runs with.
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { path } });
  worker.unref();
  let posted = 0;
  let disposed = false;
  const settled = new Promise<string>((resolve, reject) => {
    worker.on('message', (m: { digest?: string; error?: string }) => {
      if (m.digest !== undefined) resolve(m.digest);
      else reject(new Error(`hashing failed: ${m.error ?? 'unknown'}`));
    });
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('the hashing worker stopped')));
  });
  settled.catch(() => undefined);
  return {
    advance(end) {
      if (disposed || end <= posted) return;
      posted = end;
      worker.postMessage({ end, final: false });
    },
    async digest(size) {
      if (disposed) throw new Error('the hasher was disposed');
      worker.ref(); // nothing else may be pending while the last bytes are hashed
      worker.postMessage({ end: size, final: true });
      try {
        return await settled;
      } finally {
        disposed = true;
        void worker.terminate();
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      void worker.terminate();
    },
  };
}

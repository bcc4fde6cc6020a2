/**
 * MD5 of files and file ranges in worker threads. Hashing costs about 2 s of CPU per GiB; on
 * the main thread it competed with the network and the journal (and, in Electron, with IPC),
 * so uploads hash the whole file and every slice here, on other cores.
 *
 * A worker takes every hash it is given at once and works on them in turns of 1 MiB, so a
 * 16 MiB slice of one upload is done in milliseconds even while another file's 10 GB hash is
 * under way (one at a time, the slice would wait 20 s), and an abort stops a hash at once.
 * Workers start on demand (at most `size`, see defaultSize; a new hash goes to the least busy)
 * and end after `idleMs` without work, so an idle engine holds none.
 *
 * `ordered` hashes a file that is being written out of order (parallel download segments)
 * while it downloads: the caller reports how far the file is complete from its start, and the
 * worker hashes (from the page cache) up to there, so the check after the download costs
 * almost nothing.
 *
 * A worker opens a path without ever blocking (O_NONBLOCK) and hashes only a regular file
 * (fstat on the opened descriptor): a FIFO or a device would otherwise block or feed the worker
 * forever, and with it every hash queued on it. A pending hash ends at once when its signal
 * aborts.
 *
 * The worker's code (hash-worker-source.ts) is plain JavaScript passed as a string (eval), so it
 * runs the same under tsx, vitest and Electron without a build step.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { WORKER_SOURCE } from './hash-worker-source';

export interface OrderedHasher {
  /** Bytes [0, end) are written and final; hashing may proceed up to `end` (monotonic). */
  advance(end: number): void;
  /** MD5 (lowercase hex) of bytes [0, size); call once every byte is written. Rejects on abort. */
  digest(size: number, signal?: AbortSignal): Promise<string>;
  /** Stops without a result (abort, failure). */
  dispose(): void;
}

export interface FileHasher {
  /** MD5 (lowercase hex) of bytes [start, end) of the file; the whole file when no range. */
  md5(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<string>;
  /** MD5 of a file as its complete prefix grows (see the header). */
  ordered(path: string): OrderedHasher;
  /** Ends every worker; pending hashes reject. */
  close(): Promise<void>;
}

interface Reply {
  id: number;
  digest?: string;
  error?: string;
  code?: string;
  cancelled?: boolean;
}

interface Task {
  id: number;
  path: string;
  start: number;
  /** Null: to the end of the file. */
  end: number | null;
  /** False while the file grows (ordered hashing): the worker waits at `end` for more. */
  final: boolean;
  resolve(digest: string): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Task>;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

function replyError(reply: Reply): Error {
  const error = new Error(`hashing failed: ${reply.error ?? 'unknown'}`) as Error & { code?: string };
  if (reply.code) error.code = reply.code;
  return error;
}

/**
 * One worker per core beyond the first, at most two: hashing never takes every core from the
 * network and the journal. Each worker is a V8 instance (about 10 MB).
 */
function defaultSize(): number {
  return Math.min(2, Math.max(1, availableParallelism() - 1));
}

export function createHashWorkers(options: { size?: number; idleMs?: number } = {}): FileHasher {
  const size = Math.max(1, options.size ?? defaultSize());
  const idleMs = options.idleMs ?? 2_000;
  const slots = new Set<Slot>();
  let nextId = 1;
  let closed = false;

  const retire = (slot: Slot): void => {
    slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    void slot.worker.terminate();
  };

  /** A worker with no hash does not hold the process, and ends after `idleMs`. */
  const settle = (slot: Slot): void => {
    if (slot.tasks.size > 0 || slot.idleTimer !== null || !slots.has(slot)) return;
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => retire(slot), idleMs).unref();
  };

  const onReply = (slot: Slot, reply: Reply): void => {
    const task = slot.tasks.get(reply.id);
    if (task === undefined) return; // cancelled: already rejected
    slot.tasks.delete(reply.id);
    if (reply.digest !== undefined) task.resolve(reply.digest);
    else task.reject(replyError(reply));
    settle(slot);
  };

  const spawn = (): Slot => {
    // No inherited flags: the code is plain CommonJS whatever the host runs with (a loader,
    // --input-type=module), and a loader in each worker would only cost memory.
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    const slot: Slot = { worker, tasks: new Map(), idleTimer: null };
    worker.on('message', (reply: Reply) => onReply(slot, reply));
    worker.on('error', (error) => {
      slots.delete(slot);
      for (const task of slot.tasks.values()) task.reject(error);
      slot.tasks.clear();
    });
    slots.add(slot);
    return slot;
  };

  /** The least busy worker, or a new one while there are fewer than `size`. */
  const pick = (): Slot => {
    let best: Slot | undefined;
    for (const slot of slots) if (best === undefined || slot.tasks.size < best.tasks.size) best = slot;
    return best !== undefined && (best.tasks.size === 0 || slots.size >= size) ? best : spawn();
  };

  const start = (task: Task): Slot => {
    const slot = pick();
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.worker.ref(); // a pending hash keeps the process alive
    slot.tasks.set(task.id, task);
    slot.worker.postMessage({
      id: task.id,
      path: task.path,
      start: task.start,
      end: task.end,
      final: task.final,
    });
    return slot;
  };

  /** Drops a task before its answer: the caller has stopped waiting. */
  const cancel = (slot: Slot, task: Task, reason: unknown): void => {
    if (!slot.tasks.delete(task.id)) return;
    slot.worker.postMessage({ cancel: task.id });
    task.reject(reason);
    settle(slot);
  };

  return {
    md5(path, range, signal) {
      if (closed) return Promise.reject(new Error('the hashing workers are closed'));
      signal?.throwIfAborted();
      return new Promise<string>((resolve, reject) => {
        const onAbort = (): void => cancel(slot, task, signal?.reason);
        const task: Task = {
          id: nextId++,
          path,
          start: range?.start ?? 0,
          end: range ? Math.max(range.start, range.end) : null,
          final: true,
          resolve: (digest) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(digest);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        const slot = start(task);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    ordered(path) {
      if (closed) throw new Error('the hashing workers are closed');
      let resolveDigest: (digest: string) => void = () => undefined;
      let rejectDigest: (error: unknown) => void = () => undefined;
      const settled = new Promise<string>((resolve, reject) => {
        resolveDigest = resolve;
        rejectDigest = reject;
      });
      settled.catch(() => undefined); // a disposed hasher is never asked for its digest
      const task: Task = {
        id: nextId++,
        path,
        start: 0,
        end: 0,
        final: false,
        resolve: resolveDigest,
        reject: rejectDigest,
      };
      const slot = start(task);
      let posted = 0;
      let ended = false;
      return {
        advance(end) {
          if (ended || end <= posted) return;
          posted = end;
          slot.worker.postMessage({ advance: task.id, end, final: false });
        },
        digest(size, signal) {
          if (ended) return Promise.reject(new Error('the hasher was disposed'));
          ended = true;
          slot.worker.postMessage({ advance: task.id, end: size, final: true });
          if (signal === undefined) return settled;
          const onAbort = (): void => cancel(slot, task, signal.reason);
          if (signal.aborted) onAbort();
          else signal.addEventListener('abort', onAbort, { once: true });
          return settled.finally(() => signal.removeEventListener('abort', onAbort));
        },
        dispose() {
          if (ended) return;
          ended = true;
          cancel(slot, task, new Error('the hasher was disposed'));
        },
      };
    },
    async close() {
      closed = true;
      const ending = [...slots].map((slot) => {
        for (const task of slot.tasks.values()) task.reject(new Error('the hashing workers are closed'));
        slot.tasks.clear();
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        return slot.worker.terminate();
      });
      slots.clear();
      await Promise.all(ending);
    },
  };
}

/**
 * MD5 of files and file ranges in worker threads. Hashing costs about 2 s of CPU per GiB; on
 * the main thread it competed with the network and the journal (and, in Electron, with IPC),
 * so uploads hash the whole file and every slice here, on other cores.
 *
 * Workers start on demand (at most `size`, see defaultSize), take one range at a time, and end after `idleMs`
 * without work, so an idle engine holds none. A worker reads 1 MiB at a time and yields
 * between reads, so an abort stops even a 10 GB hash at once.
 *
 * The worker's code is plain JavaScript passed as a string (eval), so it runs the same under
 * tsx, vitest and Electron without a build step.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface FileHasher {
  /** MD5 (lowercase hex) of bytes [start, end) of the file; the whole file when no range. */
  md5(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<string>;
  /** Ends every worker; pending hashes reject. */
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(1024 * 1024);
let job = null;
function finish(message) {
  if (job.fd !== undefined) closeSync(job.fd);
  job = null;
  parentPort.postMessage(message);
}
function step() {
  if (job === null) return;
  const id = job.id;
  try {
    const want = Math.min(buffer.length, job.end - job.pos);
    const n = want > 0 ? readSync(job.fd, buffer, 0, want, job.pos) : 0;
    if (n > 0) {
      job.hash.update(buffer.subarray(0, n));
      job.pos += n;
      setImmediate(step);
    } else if (job.end !== Infinity && job.pos < job.end) {
      finish({ id, error: 'the file ended before byte ' + job.end, code: 'ESHRUNK' });
    } else {
      finish({ id, digest: job.hash.digest('hex') });
    }
  } catch (error) {
    finish({ id, error: String(error && error.message), code: error && error.code });
  }
}
parentPort.on('message', (m) => {
  if (m.cancel !== undefined) {
    if (job !== null && job.id === m.cancel) finish({ id: m.cancel, cancelled: true });
    return;
  }
  job = { id: m.id, pos: m.start, end: m.end === null ? Infinity : m.end, hash: createHash('md5') };
  try {
    job.fd = openSync(m.path, 'r');
  } catch (error) {
    return finish({ id: m.id, error: String(error && error.message), code: error && error.code });
  }
  step();
});
`;

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
  end: number | null;
  signal?: AbortSignal;
  resolve(digest: string): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

function replyError(reply: Reply): Error {
  const error = new Error(`hashing failed: ${reply.error ?? 'unknown'}`) as Error & { code?: string };
  if (reply.code) error.code = reply.code;
  return error;
}

/**
 * One worker per core beyond the first, at most two: hashing never takes every core from the
 * network and the journal, and a second worker lets one file's slices be hashed while another
 * file's whole-file hash runs. Each worker is a V8 instance (about 10 MB).
 */
function defaultSize(): number {
  return Math.min(2, Math.max(1, availableParallelism() - 1));
}

export function createHashWorkers(options: { size?: number; idleMs?: number } = {}): FileHasher {
  const size = Math.max(1, options.size ?? defaultSize());
  const idleMs = options.idleMs ?? 2_000;
  const slots = new Set<Slot>();
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  const retire = (slot: Slot): void => {
    slots.delete(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    void slot.worker.terminate();
  };

  const onReply = (slot: Slot, reply: Reply): void => {
    const task = slot.task;
    if (task === null || task.id !== reply.id) return; // a late answer to a cancelled task
    slot.task = null;
    if (reply.digest !== undefined) task.resolve(reply.digest);
    else if (!reply.cancelled) task.reject(replyError(reply));
    dispatch();
  };

  const spawn = (): Slot => {
    // No inherited flags: the code is plain CommonJS whatever the host runs with (a loader,
    // --input-type=module), and a loader in each worker would only cost memory.
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    worker.unref();
    const slot: Slot = { worker, task: null, idleTimer: null };
    worker.on('message', (reply: Reply) => onReply(slot, reply));
    worker.on('error', (error) => {
      slots.delete(slot);
      slot.task?.reject(error);
      slot.task = null;
      dispatch();
    });
    slots.add(slot);
    return slot;
  };

  const startOn = (slot: Slot, task: Task): void => {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.task = task;
    slot.worker.ref(); // a pending hash keeps the process alive; an idle worker does not
    slot.worker.postMessage({ id: task.id, path: task.path, start: task.start, end: task.end });
  };

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.task !== null) continue;
      const task = queue.shift();
      if (task) startOn(slot, task);
      else if (slot.idleTimer === null) {
        slot.worker.unref();
        slot.idleTimer = setTimeout(() => retire(slot), idleMs).unref();
      }
    }
    while (queue.length > 0 && slots.size < size) startOn(spawn(), queue.shift() as Task);
  }

  const abort = (task: Task): void => {
    const queued = queue.indexOf(task);
    if (queued >= 0) queue.splice(queued, 1);
    for (const slot of slots) {
      if (slot.task !== task) continue;
      slot.worker.postMessage({ cancel: task.id });
    }
    task.reject(task.signal?.reason);
  };

  return {
    md5(path, range, signal) {
      if (closed) return Promise.reject(new Error('the hashing workers are closed'));
      signal?.throwIfAborted();
      return new Promise<string>((resolve, reject) => {
        const onAbort = (): void => abort(task);
        const task: Task = {
          id: nextId++,
          path,
          start: range?.start ?? 0,
          end: range ? Math.max(range.start, range.end) : null,
          ...(signal ? { signal } : {}),
          resolve: (digest) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(digest);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(task);
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('the hashing workers are closed'));
      const ending = [...slots].map((slot) => {
        slot.task?.reject(new Error('the hashing workers are closed'));
        slot.task = null;
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        return slot.worker.terminate();
      });
      slots.clear();
      await Promise.all(ending);
    },
  };
}

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
 * `hashFile` gives the whole file's MD5 and every slice's from one read, so an upload reads its
 * file once instead of twice (whole file, then each slice while sending).
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
 * The thread's code is `hash-thread.ts`, type-checked and linted like the rest; `hashThreadStart`
 * says how it is started from sources and from a bundle.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HashReply, HashRequest } from './hash-protocol';

/** The part of esbuild's API used here (tsx's own esbuild, present wherever sources run). */
interface Transformer {
  transformSync(code: string, options: { loader: 'ts'; format: 'cjs'; target: string }): { code: string };
}

let threadSource: string | undefined;

/** The thread's TypeScript as CommonJS, transformed once per process. */
function threadFromSources(moduleUrl: string): string {
  if (threadSource !== undefined) return threadSource;
  const fromTsx = createRequire(createRequire(moduleUrl).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild') as Transformer;
  const code = readFileSync(new URL('./hash-thread.ts', moduleUrl), 'utf8');
  threadSource = esbuild.transformSync(code, { loader: 'ts', format: 'cjs', target: 'node20' }).code;
  return threadSource;
}

/**
 * How to start the thread. In a bundle (the desktop main process, the benchmark's engine; this
 * module is not a `.ts` file there) the thread is the sibling file `hash-thread.cjs`, emitted
 * by the same build. From sources (tests, tsx) `hash-thread.ts` is turned into CommonJS once
 * per process and run as the worker's code: a loader registered in each worker instead costs
 * seconds per worker on a busy machine.
 */
export function hashThreadStart(moduleUrl: string = import.meta.url): { entry: string | URL; eval: boolean } {
  if (!moduleUrl.endsWith('.ts')) return { entry: new URL('./hash-thread.cjs', moduleUrl), eval: false };
  return { entry: threadFromSources(moduleUrl), eval: true };
}

export interface OrderedHasher {
  /** Bytes [0, end) are written and final; hashing may proceed up to `end` (monotonic). */
  advance(end: number): void;
  /** MD5 (lowercase hex) of bytes [0, size); call once every byte is written. Rejects on abort. */
  digest(size: number, signal?: AbortSignal): Promise<string>;
  /** Stops without a result (abort, failure). */
  dispose(): void;
}

/** A whole file's MD5 and its slices' (lowercase hex), from one read. */
export interface FileHashes {
  readonly md5: string;
  /** The MD5 of each `sliceSize` bytes in order, the last one shorter; none for an empty file. */
  readonly sliceMd5s: readonly string[];
  readonly sliceSize: number;
}

export interface FileHasher {
  /** MD5 (lowercase hex) of bytes [start, end) of the file; the whole file when no range. */
  md5(path: string, range?: { start: number; end: number }, signal?: AbortSignal): Promise<string>;
  /** The whole file's MD5 and every slice's, in one read of the file. */
  hashFile(path: string, sliceSize: number, signal?: AbortSignal): Promise<FileHashes>;
  /** MD5 of a file as its complete prefix grows (see the header). */
  ordered(path: string): OrderedHasher;
  /** Ends every worker; pending hashes reject. */
  close(): Promise<void>;
}

interface Task {
  id: number;
  path: string;
  start: number;
  /** Null: to the end of the file. */
  end: number | null;
  /** False while the file grows (ordered hashing): the worker waits at `end` for more. */
  final: boolean;
  sliceSize?: number;
  resolve(reply: HashReply): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Task>;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

function replyError(reply: HashReply): Error {
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

  const onReply = (slot: Slot, reply: HashReply): void => {
    const task = slot.tasks.get(reply.id);
    if (task === undefined) return; // cancelled: already rejected
    slot.tasks.delete(reply.id);
    if (reply.digest !== undefined) task.resolve(reply);
    else task.reject(replyError(reply));
    settle(slot);
  };

  const spawn = (): Slot => {
    // No inherited flags: the code is CommonJS whatever the host runs with (a loader,
    // --input-type=module), and a loader in each worker would only cost memory.
    const thread = hashThreadStart();
    const worker = new Worker(thread.entry, { eval: thread.eval, execArgv: [] });
    const slot: Slot = { worker, tasks: new Map(), idleTimer: null };
    worker.on('message', (reply: HashReply) => onReply(slot, reply));
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

  const post = (slot: Slot, request: HashRequest): void => slot.worker.postMessage(request);

  const start = (task: Task): Slot => {
    const slot = pick();
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.worker.ref(); // a pending hash keeps the process alive
    slot.tasks.set(task.id, task);
    post(slot, {
      id: task.id,
      path: task.path,
      start: task.start,
      end: task.end,
      final: task.final,
      ...(task.sliceSize === undefined ? {} : { sliceSize: task.sliceSize }),
    });
    return slot;
  };

  /** Drops a task before its answer: the caller has stopped waiting. */
  const cancel = (slot: Slot, task: Task, reason: unknown): void => {
    if (!slot.tasks.delete(task.id)) return;
    post(slot, { cancel: task.id });
    task.reject(reason);
    settle(slot);
  };

  /** One finite hash of [start, end) (end null: the whole file); ends at once on abort. */
  const hashOnce = (
    path: string,
    range: { start: number; end: number | null },
    sliceSize: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<HashReply> => {
    if (closed) return Promise.reject(new Error('the hashing workers are closed'));
    signal?.throwIfAborted();
    return new Promise<HashReply>((resolve, reject) => {
      const onAbort = (): void => cancel(slot, task, signal?.reason);
      const task: Task = {
        id: nextId++,
        path,
        start: range.start,
        end: range.end,
        final: true,
        ...(sliceSize === undefined ? {} : { sliceSize }),
        resolve: (reply) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const slot = start(task);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  return {
    async md5(path, range, signal) {
      const bounds = range
        ? { start: range.start, end: Math.max(range.start, range.end) }
        : { start: 0, end: null };
      const reply = await hashOnce(path, bounds, undefined, signal);
      return reply.digest ?? '';
    },
    async hashFile(path, sliceSize, signal) {
      if (!Number.isSafeInteger(sliceSize) || sliceSize <= 0) throw new Error(`bad slice size: ${sliceSize}`);
      const reply = await hashOnce(path, { start: 0, end: null }, sliceSize, signal);
      return { md5: reply.digest ?? '', sliceMd5s: reply.slices ?? [], sliceSize };
    },
    ordered(path) {
      if (closed) throw new Error('the hashing workers are closed');
      let resolveDigest: (reply: HashReply) => void = () => undefined;
      let rejectDigest: (error: unknown) => void = () => undefined;
      const settled = new Promise<HashReply>((resolve, reject) => {
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
          post(slot, { advance: task.id, end, final: false });
        },
        digest(size, signal) {
          if (ended) return Promise.reject(new Error('the hasher was disposed'));
          ended = true;
          post(slot, { advance: task.id, end: size, final: true });
          const digest = settled.then((reply) => reply.digest ?? '');
          if (signal === undefined) return digest;
          const onAbort = (): void => cancel(slot, task, signal.reason);
          if (signal.aborted) onAbort();
          else signal.addEventListener('abort', onAbort, { once: true });
          return digest.finally(() => signal.removeEventListener('abort', onAbort));
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

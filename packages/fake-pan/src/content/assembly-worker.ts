/**
 * Concatenates files into one while hashing the bytes (MD5 + SHA-1), on a worker thread, so the
 * emulator's whole-file work of an upload runs on the other core and never blocks the event
 * loop. Used to assemble upload slices in order while they arrive (see `api/upload-assembly.ts`).
 *
 * - One worker per `AssemblyWorker`, started at the first job and shared by all jobs; requests
 *   run in the order they were posted (per job and overall), so a caller may post several
 *   appends of one job without waiting.
 * - Memory is flat: the worker reads each source in 4 MiB chunks into one reused buffer and
 *   writes them at the assembly's end with positional writes. Files are open only during an
 *   append, so idle jobs (uploads waiting for a slice, or abandoned) hold no descriptor.
 * - After any failure of a job (a source vanished, disk full) every later request of that job
 *   fails too: no byte is ever appended after a gap.
 * - A job's file: created at `start`, closed and left to the caller by a successful `finish`,
 *   deleted by `abort` (at any time) or, while unfinished, by `close`.
 *
 * The worker's code is plain JavaScript passed as a string (eval), so it runs unchanged under
 * tsx, vitest and Electron without a build step.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { HashResult } from './hashing';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, writeSync, closeSync, unlinkSync } = require('node:fs');
const CHUNK = 4 * 1024 * 1024;
const buffer = Buffer.allocUnsafe(CHUNK);
const jobs = new Map();
const reason = (error) => String((error && (error.code || error.message)) || error);
function appendFile(job, source) {
  const input = openSync(source, 'r');
  let output;
  try {
    output = openSync(job.path, 'r+');
    for (;;) {
      const n = readSync(input, buffer, 0, CHUNK, null);
      if (n === 0) return;
      const bytes = buffer.subarray(0, n);
      for (let done = 0; done < n; ) done += writeSync(output, bytes, done, n - done, job.size + done);
      job.md5.update(bytes);
      job.sha1.update(bytes);
      job.size += n;
    }
  } finally {
    closeSync(input);
    if (output !== undefined) closeSync(output);
  }
}
function open(m) {
  const job = { path: m.path, size: 0, md5: createHash('md5'), sha1: createHash('sha1') };
  try { closeSync(openSync(m.path, 'w')); } catch (error) { job.error = reason(error); }
  jobs.set(m.job, job);
}
function abort(m) {
  const job = jobs.get(m.job);
  jobs.delete(m.job);
  if (job) try { unlinkSync(job.path); } catch {}
  parentPort.postMessage({ req: m.req, size: 0 });
}
function run(m, job) {
  if (!job) throw new Error('unknown job');
  if (job.error) throw new Error(job.error);
  if (m.type === 'append') {
    appendFile(job, m.source);
    return { req: m.req, size: job.size };
  }
  jobs.delete(m.job);
  return { req: m.req, size: job.size, md5: job.md5.digest('hex'), sha1: job.sha1.digest('hex') };
}
parentPort.on('message', (m) => {
  if (m.type === 'open') return open(m);
  if (m.type === 'abort') return abort(m);
  const job = jobs.get(m.job);
  try {
    parentPort.postMessage(run(m, job));
  } catch (error) {
    if (job) job.error = job.error || reason(error);
    parentPort.postMessage({ req: m.req, error: reason(error) });
  }
});
`;

export interface AssemblyJob {
  /** The assembly file (the caller chose it; it must not exist yet or may be overwritten). */
  readonly path: string;
  /** Appends every byte of `source` to the assembly; resolves with the assembly's size so far. */
  append(source: string): Promise<number>;
  /** Ends the job: hashes of everything appended. The file is closed and now the caller's. */
  finish(): Promise<HashResult>;
  /**
   * Deletes the job's file, whatever its state (queued work still runs first, then the worker
   * deletes it; after `finish` it is deleted here). A pending `finish` then rejects.
   */
  abort(): void;
}

export interface AssemblyWorker {
  start(path: string): AssemblyJob;
  /** Stops the worker; files of unfinished jobs are deleted. Pending requests reject. */
  close(): Promise<void>;
}

interface Reply {
  req: number;
  size: number;
  md5?: string;
  sha1?: string;
  error?: string;
}

interface Host {
  worker: Worker;
  pending: Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>;
}

export function createAssemblyWorker(): AssemblyWorker {
  let host: Host | undefined;
  let closed = false;
  let nextId = 1;
  /** Unfinished jobs: id → file, so `close` can delete what the worker no longer will. */
  const files = new Map<number, string>();

  function spawn(): Host {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    const h: Host = { worker, pending: new Map() };
    const stopped = (error: Error): void => {
      if (host === h) host = undefined;
      for (const p of h.pending.values()) p.reject(error);
      h.pending.clear();
    };
    worker.on('message', (reply: Reply) => {
      const p = h.pending.get(reply.req);
      h.pending.delete(reply.req);
      if (h.pending.size === 0) worker.unref();
      if (reply.error === undefined) p?.resolve(reply);
      else p?.reject(new Error(`assembly failed: ${reply.error}`));
    });
    worker.on('error', stopped);
    worker.on('exit', () => stopped(new Error('the assembly worker stopped')));
    return h;
  }

  function startedHost(): Host | undefined {
    try {
      return (host ??= spawn());
    } catch {
      return undefined;
    }
  }

  /** Posts a request to the worker that owns the job; a restarted worker no longer knows it. */
  function request(owner: Host | undefined, message: Record<string, unknown>): Promise<Reply> {
    if (!owner || host !== owner) return Promise.reject(new Error('the assembly worker stopped'));
    const req = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      if (owner.pending.size === 0) owner.worker.ref(); // keep the process up until the answer
      owner.pending.set(req, { resolve, reject });
      owner.worker.postMessage({ ...message, req });
    });
  }

  function start(path: string): AssemblyJob {
    // After close, or when no worker can start, a job gets no worker and no file: every
    // request of it rejects (the caller sees a failed assembly), and start never throws.
    const owner = closed ? undefined : startedHost();
    const job = nextId++;
    if (owner) {
      files.set(job, path);
      owner.worker.postMessage({ type: 'open', job, path });
    }
    let state: 'open' | 'finished' | 'aborted' = owner ? 'open' : 'aborted';
    return {
      path,
      append: async (source) => (await request(owner, { type: 'append', job, source })).size,
      async finish() {
        const reply = await request(owner, { type: 'finish', job });
        if (state === 'aborted') {
          // The abort reached the worker after the finish: the file is still there.
          rmSync(path, { force: true });
          throw new Error('the assembly was aborted');
        }
        state = 'finished';
        files.delete(job);
        return { md5: reply.md5 ?? '', sha1: reply.sha1 ?? '', size: reply.size };
      },
      abort() {
        if (state === 'aborted') return;
        const wasOpen = state === 'open';
        state = 'aborted';
        if (!wasOpen || !owner || host !== owner) {
          files.delete(job);
          rmSync(path, { force: true });
          return;
        }
        // Tracked until the worker confirms, so a close in between still deletes the file.
        request(owner, { type: 'abort', job }).then(
          () => files.delete(job),
          () => {
            files.delete(job);
            rmSync(path, { force: true });
          },
        );
      },
    };
  }

  async function close(): Promise<void> {
    closed = true;
    const h = host;
    host = undefined;
    if (h) await h.worker.terminate();
    for (const path of files.values()) rmSync(path, { force: true });
    files.clear();
  }

  return { start, close };
}

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
 * The thread's code is `assembly-thread.ts`, type-checked and linted like the rest (see
 * `assemblyThreadStart` for how it is loaded from sources and from the desktop main bundle).
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AssemblyReply, AssemblyRequest } from './assembly-protocol';
import type { HashResult } from './hashing';

/**
 * How to start the thread. In the desktop app's main bundle (this module is not a `.ts` file)
 * the thread is the sibling `assembly-thread.cjs`. From sources, a two-line bootstrap registers
 * tsx's loader in the worker and imports `assembly-thread.ts` (Node 20 does not apply an
 * `--import` loader to a worker's entry file).
 */
export function assemblyThreadStart(moduleUrl: string = import.meta.url): {
  entry: string | URL;
  eval: boolean;
} {
  if (!moduleUrl.endsWith('.ts')) return { entry: new URL('./assembly-thread.cjs', moduleUrl), eval: false };
  const require = createRequire(moduleUrl);
  const manifest = require('tsx/package.json') as {
    exports: Record<string, { import: { default: string } }>;
  };
  const loader = pathToFileURL(
    join(dirname(require.resolve('tsx/package.json')), manifest.exports['./esm/api']!.import.default),
  ).href;
  const thread = new URL('./assembly-thread.ts', moduleUrl).href;
  return {
    entry: `import(${JSON.stringify(loader)}).then((tsx) => {
  tsx.register();
  return import(${JSON.stringify(thread)});
});`,
    eval: true,
  };
}

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

type Reply = AssemblyReply;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

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
    const thread = assemblyThreadStart();
    const worker = new Worker(thread.entry, { eval: thread.eval });
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

  /** Posts a request to the worker that started the job; a restarted worker no longer knows it. */
  function request(
    starter: Host | undefined,
    message: DistributiveOmit<Exclude<AssemblyRequest, { type: 'open' }>, 'req'>,
  ): Promise<Reply> {
    if (!starter || host !== starter) return Promise.reject(new Error('the assembly worker stopped'));
    const req = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      if (starter.pending.size === 0) starter.worker.ref(); // keep the process up until the answer
      starter.pending.set(req, { resolve, reject });
      starter.worker.postMessage({ ...message, req } satisfies AssemblyRequest);
    });
  }

  function start(path: string): AssemblyJob {
    // After close, or when no worker can start, a job gets no worker and no file: every
    // request of it rejects (the caller sees a failed assembly), and start never throws.
    const starter = closed ? undefined : startedHost();
    const job = nextId++;
    if (starter) {
      files.set(job, path);
      starter.worker.postMessage({ type: 'open', job, path } satisfies AssemblyRequest);
    }
    let state: 'open' | 'finished' | 'aborted' = starter ? 'open' : 'aborted';
    return {
      path,
      append: async (source) => (await request(starter, { type: 'append', job, source })).size,
      async finish() {
        const reply = await request(starter, { type: 'finish', job });
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
        if (!wasOpen || !starter || host !== starter) {
          files.delete(job);
          rmSync(path, { force: true });
          return;
        }
        // Tracked until the worker confirms, so a close in between still deletes the file.
        request(starter, { type: 'abort', job }).then(
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

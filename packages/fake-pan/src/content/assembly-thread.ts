/**
 * The assembly worker's thread (see `assembly-worker.ts`): appends files to jobs' files with
 * positional writes while hashing the bytes (MD5 + SHA-1), reading each source in 4 MiB chunks
 * into one reused buffer. Requests arrive in order; after any failure of a job every later
 * request of that job fails too, so no byte is ever appended after a gap.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { AssemblyReply, AssemblyRequest } from './assembly-protocol';

const CHUNK = 4 * 1024 * 1024;
const buffer = Buffer.allocUnsafe(CHUNK);

interface Job {
  readonly path: string;
  size: number;
  readonly md5: Hash;
  readonly sha1: Hash;
  error?: string;
}

const jobs = new Map<number, Job>();

function reason(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  return String((e && (e.code || e.message)) || error);
}

function appendFile(job: Job, source: string): void {
  const input = openSync(source, 'r');
  let output: number | undefined;
  try {
    output = openSync(job.path, 'r+');
    for (;;) {
      const n = readSync(input, buffer, 0, CHUNK, null);
      if (n === 0) return;
      const bytes = buffer.subarray(0, n);
      for (let done = 0; done < n;) done += writeSync(output, bytes, done, n - done, job.size + done);
      job.md5.update(bytes);
      job.sha1.update(bytes);
      job.size += n;
    }
  } finally {
    closeSync(input);
    if (output !== undefined) closeSync(output);
  }
}

function run(request: AssemblyRequest & { type: 'append' | 'finish' }, job: Job | undefined): AssemblyReply {
  if (!job) throw new Error('unknown job');
  if (job.error !== undefined) throw new Error(job.error);
  if (request.type === 'append') {
    appendFile(job, request.source);
    return { req: request.req, size: job.size };
  }
  jobs.delete(request.job);
  return { req: request.req, size: job.size, md5: job.md5.digest('hex'), sha1: job.sha1.digest('hex') };
}

function handle(request: AssemblyRequest, reply: (answer: AssemblyReply) => void): void {
  if (request.type === 'open') {
    const job: Job = { path: request.path, size: 0, md5: createHash('md5'), sha1: createHash('sha1') };
    try {
      closeSync(openSync(request.path, 'w'));
    } catch (error) {
      job.error = reason(error);
    }
    jobs.set(request.job, job);
    return;
  }
  if (request.type === 'abort') {
    const job = jobs.get(request.job);
    jobs.delete(request.job);
    if (job) {
      try {
        unlinkSync(job.path);
      } catch {
        // Already gone, or never created: nothing to delete.
      }
    }
    reply({ req: request.req, size: 0 });
    return;
  }
  const job = jobs.get(request.job);
  try {
    reply(run(request, job));
  } catch (error) {
    if (job) job.error ??= reason(error);
    reply({ req: request.req, size: 0, error: reason(error) });
  }
}

const port = parentPort;
if (port === null) throw new Error('assembly-thread runs only as a worker thread');
port.on('message', (request: AssemblyRequest) => handle(request, (answer) => port.postMessage(answer)));

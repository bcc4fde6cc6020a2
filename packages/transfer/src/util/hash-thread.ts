/**
 * The hashing workers' thread (see `hash-workers.ts`). It takes every hash it is given at once
 * and works on them in turns of 1 MiB, so a short hash never waits behind a long one and a
 * cancel stops a hash between two turns. It opens a path with O_NONBLOCK and hashes it only
 * when the opened descriptor is a regular file (`ENOTREG` otherwise), so a FIFO or a device
 * never blocks it or feeds it forever. A hash may also give the MD5 of each slice of its range
 * from the same read (`sliceSize`).
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { HashReply, HashRequest, HashStart } from './hash-protocol';

const TURN = 1024 * 1024;
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const buffer = Buffer.allocUnsafe(TURN);

interface Job {
  fd?: number;
  pos: number;
  end: number;
  final: boolean;
  readonly hash: Hash;
  /** Slice hashing: the slice size, the current slice's hash and where it ends, the digests so far. */
  readonly slicing?: { size: number; hash: Hash; end: number; digests: string[] };
}

const jobs = new Map<number, Job>();
const turns: number[] = [];
let scheduled = false;

const port = parentPort;
if (port === null) throw new Error('hash-thread runs only as a worker thread');
const reply = (message: HashReply): void => port.postMessage(message);

function finish(id: number, message: Omit<HashReply, 'id'>): void {
  const job = jobs.get(id);
  if (job === undefined) return;
  jobs.delete(id);
  if (job.fd !== undefined) closeSync(job.fd);
  reply({ id, ...message });
}

function failure(error: unknown): { error: string; code?: string } {
  const e = error as { message?: unknown; code?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  return { error: String(e?.message ?? error), ...(code === undefined ? {} : { code }) };
}

/** Bytes to read this turn: at most a turn, never past the range's end or the current slice's. */
function wanted(job: Job): number {
  const limit = job.slicing ? Math.min(job.end, job.slicing.end) : job.end;
  return Math.min(TURN, limit - job.pos);
}

function feed(job: Job, bytes: Buffer): void {
  job.hash.update(bytes);
  job.pos += bytes.length;
  const slicing = job.slicing;
  if (slicing === undefined) return;
  slicing.hash.update(bytes);
  if (job.pos < slicing.end) return;
  slicing.digests.push(slicing.hash.digest('hex'));
  slicing.hash = createHash('md5');
  slicing.end += slicing.size;
}

/** The digests once every byte is read: the last, shorter slice is closed here. */
function digests(job: Job): Omit<HashReply, 'id'> {
  const slicing = job.slicing;
  if (slicing === undefined) return { digest: job.hash.digest('hex') };
  if (job.pos > slicing.end - slicing.size) slicing.digests.push(slicing.hash.digest('hex'));
  return { digest: job.hash.digest('hex'), slices: slicing.digests };
}

function step(): void {
  scheduled = false;
  const id = turns.shift();
  const job = id === undefined ? undefined : jobs.get(id);
  if (id !== undefined && job !== undefined) {
    try {
      const want = wanted(job);
      const n = want > 0 && job.fd !== undefined ? readSync(job.fd, buffer, 0, want, job.pos) : 0;
      if (n > 0) {
        feed(job, buffer.subarray(0, n));
        turns.push(id);
      } else if (want === 0 && !job.final) {
        // A growing file hashed up to its complete prefix: waits for the next advance.
      } else if (job.end !== Infinity && job.pos < job.end) {
        finish(id, { error: `the file ended before byte ${job.end}`, code: 'ESHRUNK' });
      } else {
        finish(id, digests(job));
      }
    } catch (error) {
      finish(id, failure(error));
    }
  }
  schedule();
}

function schedule(): void {
  if (scheduled || turns.length === 0) return;
  scheduled = true;
  setImmediate(step);
}

function begin(request: HashStart): void {
  const sliceSize = request.sliceSize;
  const job: Job = {
    pos: request.start,
    end: request.end ?? Infinity,
    final: request.final,
    hash: createHash('md5'),
    ...(sliceSize !== undefined && sliceSize > 0
      ? { slicing: { size: sliceSize, hash: createHash('md5'), end: request.start + sliceSize, digests: [] } }
      : {}),
  };
  jobs.set(request.id, job);
  try {
    job.fd = openSync(request.path, OPEN_FLAGS);
    if (!fstatSync(job.fd).isFile())
      return finish(request.id, { error: 'not a regular file', code: 'ENOTREG' });
  } catch (error) {
    return finish(request.id, failure(error));
  }
  turns.push(request.id);
  schedule();
}

port.on('message', (request: HashRequest) => {
  if ('cancel' in request) return finish(request.cancel, { cancelled: true });
  if ('advance' in request) {
    const job = jobs.get(request.advance);
    if (job === undefined) return;
    job.end = request.end;
    job.final = request.final;
    if (!turns.includes(request.advance)) turns.push(request.advance);
    return schedule();
  }
  begin(request);
});

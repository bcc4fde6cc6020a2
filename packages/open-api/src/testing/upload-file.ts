import { createHash } from 'node:crypto';
import type { CompleteOptions, FileTarget, UploadCalls } from '../endpoints/upload';
import { PanError } from '../errors';
import type { SliceBody } from '../util/multipart';

/**
 * A whole-file upload over the client's upload calls, for tests of those calls against
 * fake-pan and a scripted service. The app's uploads are driven by the transfer engine, which
 * sequences the same calls itself (with its own hashing, journal and retries).
 */

async function bytesOf(body: SliceBody): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (typeof body === 'function') return new Uint8Array(await new Response(body()).arrayBuffer());
  const into = new Uint8Array(body.size);
  await body.read(into, 0);
  return into;
}

async function md5OfBody(body: SliceBody): Promise<string> {
  return createHash('md5')
    .update(await bytesOf(body))
    .digest('hex');
}

/**
 * Where the bytes come from: a Blob, or anything that can hand out a byte range more than once
 * (the transfer engine passes a file-backed reader). `read(start, end)` is end-exclusive.
 */
export type UploadSource = Blob | { size: number; read(start: number, end: number): SliceBody };

export interface UploadFileInput extends Omit<FileTarget, 'size'> {
  source: UploadSource;
  /** Whole-file MD5 if already known; otherwise the source is read once to compute it. */
  md5?: string;
  /** Whole-file SHA-1 if known: an instant upload is tried first (§7.7). */
  sha1?: string;
  /**
   * Files up to this size go through single-step upload (default `DEFAULT_SINGLE_MAX_BYTES`;
   * 0 = sliced, except empty files, which have no slice to send). Single step saves the create/complete round trips and the ≥ 1 s
   * completion poll, which dominate for small files.
   */
  singleMaxBytes?: number;
  /** Slices in flight at once (default 3). */
  concurrency?: number;
  /** Attempts per slice for answers the service gives about the slice itself (default 3). */
  sliceAttempts?: number;
  complete?: Omit<CompleteOptions, 'signal'>;
  /** Bytes of slices confirmed so far, and the total. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

/** 1 MiB: small enough that a failed single-step upload costs little to resend. */
export const DEFAULT_SINGLE_MAX_BYTES = 1024 * 1024;

export interface UploadFileResult {
  fileId: number;
  /** 'sha1' or 'md5' instant upload, 'single' step, or 'sliced'. */
  method: 'sha1' | 'md5' | 'single' | 'sliced';
}

function sourceSize(source: UploadSource): number {
  return source.size;
}

function readRange(source: UploadSource, start: number, end: number): SliceBody {
  return source instanceof Blob ? source.slice(start, end) : source.read(start, end);
}

/** The whole file: create → slices (concurrent, retried) → complete; or single step / instant hits. */
export async function uploadFile(calls: UploadCalls, input: UploadFileInput): Promise<UploadFileResult> {
  const size = sourceSize(input.source);
  const target: FileTarget = {
    parentId: input.parentId,
    filename: input.filename,
    size,
    duplicate: input.duplicate,
    containDir: input.containDir,
    signal: input.signal,
  };
  if (input.sha1) {
    const hit = await calls.sha1Reuse({ ...target, sha1: input.sha1 });
    if (hit !== null) return { fileId: hit, method: 'sha1' };
  }
  const md5 = input.md5 ?? (await md5OfBody(readRange(input.source, 0, size)));
  if (size <= (input.singleMaxBytes ?? DEFAULT_SINGLE_MAX_BYTES)) {
    const fileId = await calls.single({ ...target, md5, body: readRange(input.source, 0, size) });
    return { fileId, method: 'single' };
  }
  const session = await calls.create({ ...target, md5 });
  if (session.reuse) return { fileId: session.fileId, method: 'md5' };
  await sendAllSlices(calls, input, session, size);
  const fileId = await calls.complete(session.preuploadId, { ...input.complete, signal: input.signal });
  return { fileId, method: 'sliced' };
}

/**
 * Slices go out `concurrency` at a time. The first failure stops the rest: slices in flight are
 * aborted and that first error is what the caller sees.
 */
async function sendAllSlices(
  calls: UploadCalls,
  input: UploadFileInput,
  session: { preuploadId: string; sliceSize: number; servers: string[] },
  size: number,
): Promise<void> {
  const server = session.servers[0]!;
  const parts = Math.max(1, Math.ceil(size / session.sliceSize));
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(input.signal?.reason);
  input.signal?.addEventListener('abort', onAbort, { once: true });
  const signal = input.signal?.aborted ? input.signal : stop.signal;
  let next = 0;
  let done = 0;
  let failed: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failed === null && next < parts) {
      const index = next++;
      const start = index * session.sliceSize;
      const end = Math.min(size, start + session.sliceSize);
      try {
        await sendSlice(
          calls,
          { ...input, signal },
          { server, preuploadId: session.preuploadId, sliceNo: index + 1, start, end },
        );
      } catch (error) {
        failed ??= { error };
        stop.abort();
        return;
      }
      done += end - start;
      input.onProgress?.(done, size);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parts, input.concurrency ?? 3)) }, worker));
  } finally {
    input.signal?.removeEventListener('abort', onAbort);
  }
  if (failed !== null) throw (failed as { error: unknown }).error;
}

interface SliceJob {
  server: string;
  preuploadId: string;
  sliceNo: number;
  start: number;
  end: number;
}

/**
 * Transport trouble is already retried by the pipeline. A service answer about the slice itself
 * (e.g. an MD5 mismatch because the bytes changed under us) gets the slice re-read and re-hashed.
 */
async function sendSlice(calls: UploadCalls, input: UploadFileInput, job: SliceJob): Promise<void> {
  const attempts = input.sliceAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      const body = readRange(input.source, job.start, job.end);
      await calls.uploadSlice({ ...job, body, md5: await md5OfBody(body), signal: input.signal });
      return;
    } catch (error) {
      const retryable =
        error instanceof PanError && (error.code === 'service' || error.code === 'upload_failed');
      if (!retryable || attempt >= attempts) {
        if (error instanceof PanError && error.code === 'service') {
          throw new PanError('upload_failed', `slice ${job.sliceNo} rejected: ${error.message}`, {
            serviceCode: error.serviceCode,
            traceId: error.traceId,
            endpoint: error.endpoint,
          });
        }
        throw error;
      }
    }
  }
}

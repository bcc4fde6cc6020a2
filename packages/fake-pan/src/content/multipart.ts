/**
 * Streaming multipart/form-data parsing for the slice and single-step upload endpoints (§7.3,
 * §7.6). Text fields are collected as strings (multipart fields are always strings); the one file
 * part is streamed to a temp file while its MD5 (and optionally SHA-1) is computed, so a 1 GB
 * single-step upload never sits in memory.
 *
 * On any failure (malformed body, too large, client abort) the temp file is removed before the
 * promise rejects. On success the caller owns the temp file: move it or delete it.
 */
import type { IncomingMessage } from 'node:http';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { createHashingStream, SizeLimitError } from './hashing';

export interface MultipartFile {
  /** Form field name of the file part (`slice`, `file`). */
  fieldName: string;
  /** File name the client gave the part, '' when none. */
  filename: string;
  /** Temp file holding the bytes; the caller must move or delete it. */
  path: string;
  size: number;
  md5: string;
  /** '' unless `withSha1` was set. */
  sha1: string;
}

export interface MultipartResult {
  fields: Record<string, string>;
  file: MultipartFile | undefined;
}

export interface MultipartOptions {
  /** Where to put the file part (same file system as its final home, so it can be renamed). */
  tempPath: (prefix: string) => string;
  /** Largest accepted file part in bytes; more → `too_large`. */
  maxFileBytes: number;
  withSha1?: boolean;
  /** Limits for text fields: count and bytes per value. */
  maxFields?: number;
  maxFieldBytes?: number;
  /** The body bytes to parse when not `req` itself (e.g. a paced, counted view of it). */
  body?: Readable;
  /** Told about each text field as soon as it is parsed (before the file part's bytes). */
  onField?: (name: string, value: string) => void;
}

export type MultipartErrorReason = 'not_multipart' | 'malformed' | 'too_large' | 'too_many_files' | 'aborted';

export class MultipartError extends Error {
  constructor(
    readonly reason: MultipartErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'MultipartError';
  }
}

/** Parses `req` (whose body must not have been read yet). */
export function parseMultipart(req: IncomingMessage, options: MultipartOptions): Promise<MultipartResult> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { fields: options.maxFields ?? 50, fieldSize: options.maxFieldBytes ?? 64 * 1024 },
    });
  } catch (error) {
    return Promise.reject(new MultipartError('not_multipart', describe(error)));
  }
  return new Promise((resolve, reject) => runParser(req, parser, options, resolve, reject));
}

interface FilePart {
  stream: Readable;
  path: string;
  done: Promise<MultipartFile>;
}

/** State of one parse; `settled` guards against answering twice. */
interface ParseRun {
  settled: boolean;
  /** A problem found on the way, reported once the body ended. */
  problem?: MultipartError;
  part?: FilePart;
}

/** Starts streaming a file part to its temp file, hashing as it goes. */
function startFilePart(
  options: MultipartOptions,
  name: string,
  stream: Readable,
  filename: string,
): FilePart {
  const path = options.tempPath('part');
  const hashing = createHashingStream(options.withSha1 ?? false, options.maxFileBytes);
  const done = pipeline(stream, hashing, createWriteStream(path)).then(() => {
    const { md5, sha1, size } = hashing.result();
    return { fieldName: name, filename, path, size, md5, sha1 };
  });
  return { stream, path, done };
}

/** Stops reading, removes the temp file (once its writer closed), then rejects. */
function abandon(
  source: Readable,
  parser: busboy.Busboy,
  run: ParseRun,
  error: MultipartError,
  reject: (e: MultipartError) => void,
): void {
  if (run.settled) return;
  run.settled = true;
  source.unpipe(parser);
  source.resume(); // drain what is left so the connection can answer
  const part = run.part;
  part?.stream.destroy();
  void (part?.done ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => (part ? rm(part.path, { force: true }) : undefined))
    .finally(() => reject(error));
}

function runParser(
  req: IncomingMessage,
  parser: busboy.Busboy,
  options: MultipartOptions,
  resolve: (result: MultipartResult) => void,
  reject: (error: MultipartError) => void,
): void {
  const fields: Record<string, string> = {};
  const run: ParseRun = { settled: false };
  const source: Readable = options.body ?? req;
  const fail = (error: MultipartError): void => abandon(source, parser, run, error, reject);
  const note = (problem: MultipartError): void => void (run.problem ??= problem);

  parser.on('file', (name, stream, info) => {
    if (run.part || run.settled) {
      note(new MultipartError('too_many_files', 'only one file part is accepted'));
      stream.resume();
      return;
    }
    run.part = startFilePart(options, name, stream, info.filename ?? '');
    run.part.done.catch((error: unknown) => fail(toMultipartError(error)));
  });
  parser.on('field', (name, value, info) => {
    if (info.valueTruncated || info.nameTruncated)
      note(new MultipartError('too_large', `form field ${name} is too long`));
    fields[name] = value;
    options.onField?.(name, value);
  });
  parser.on('fieldsLimit', () => note(new MultipartError('too_large', 'too many form fields')));
  parser.on('error', (error) => fail(new MultipartError('malformed', describe(error))));
  parser.on('close', () => {
    void (run.part?.done ?? Promise.resolve(undefined)).then(
      (file) => {
        if (run.settled) return;
        if (run.problem) return fail(run.problem);
        run.settled = true;
        resolve({ fields, file });
      },
      (error: unknown) => fail(toMultipartError(error)),
    );
  });
  req.on('close', () => {
    if (!req.complete) fail(new MultipartError('aborted', 'the client closed the connection mid-body'));
  });
  source.pipe(parser);
}

function toMultipartError(error: unknown): MultipartError {
  if (error instanceof MultipartError) return error;
  if (error instanceof SizeLimitError) return new MultipartError('too_large', error.message);
  return new MultipartError('malformed', describe(error));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Deletes a parsed file part the caller decided not to keep. */
export async function discardFile(file: MultipartFile | undefined): Promise<void> {
  if (file) await rm(file.path, { force: true });
}

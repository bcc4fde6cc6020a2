/**
 * The engine's only ways out: the cloud (DriveBackend), HTTP for CDN bytes (FetchLike), and
 * time (Clock). The back end implements DriveBackend on top of the open-api client; tests use
 * the in-memory drive in `src/testing/`.
 */
import type { ErrorFacts, ErrorReason } from '@pandesk/contract';

/** What the backend does when the name already exists in the folder (`duplicate` 1 / 2 / 0). */
export type DuplicateMode = 'keep_both' | 'overwrite' | 'error';

export interface RemoteEntry {
  readonly fileId: number;
  readonly name: string;
  readonly type: 'file' | 'folder';
  /** Bytes; 0 for folders. */
  readonly size: number;
  /** Lowercase hex MD5 of the content ('' for folders). */
  readonly etag: string;
}

/** A pre-upload session as create hands it out. Slices must be cut to exactly sliceSize. */
export interface UploadSession {
  readonly preuploadId: string;
  readonly sliceSize: number;
  readonly server: string;
}

export type CreateUploadResult =
  { readonly kind: 'instant'; readonly fileId: number } | ({ readonly kind: 'session' } & UploadSession);

export type CompleteUploadResult =
  { readonly completed: true; readonly fileId: number } | { readonly completed: false };

export interface CreateUploadRequest {
  readonly parentId: number;
  readonly name: string;
  /** Lowercase hex MD5 of the whole file. */
  readonly md5: string;
  readonly size: number;
  readonly duplicate: DuplicateMode;
}

/**
 * A slice's bytes, read on demand piece by piece while the request goes out (again on every
 * attempt): `read` fills `into` with the bytes at [offset, offset + into.byteLength) of the
 * slice. Only the piece being sent is in memory.
 */
export interface SliceBytes {
  readonly size: number;
  read(into: Uint8Array, offset: number): Promise<void>;
  /**
   * The backend tells how many of these bytes the request has sent so far, as the body
   * streams (optional: a backend that cannot tell reports nothing, and progress moves when the
   * request is done).
   */
  sent?(bytes: number): void;
}

/** One slice: 1-based number, MD5 of its bytes, and its bytes. */
export interface SlicePayload {
  readonly sliceNo: number;
  readonly md5: string;
  readonly body: SliceBytes;
}

/**
 * Told before the backend repeats a request by itself (the service asked to slow down, or
 * answered with a server error), so the item can show why it waits meanwhile.
 */
export type WaitListener = (wait: { readonly reason: ErrorReason; readonly delayMs: number }) => void;

/**
 * Every call takes an abort signal and, optionally last, a WaitListener. The listener only
 * reports; the backend still decides whether to repeat.
 */
export interface DriveBackend {
  /**
   * A whole file in one request (single step); resolves with the new file's id. Not repeated
   * after an unknown outcome: the engine looks at the folder before sending again.
   */
  uploadSingle(
    request: CreateUploadRequest,
    body: SliceBytes,
    signal: AbortSignal,
    onWait?: WaitListener,
  ): Promise<{ fileId: number }>;
  /** Step 1 of an upload; an instant (rapid) hit ends the upload there. */
  createUpload(
    request: CreateUploadRequest,
    signal: AbortSignal,
    onWait?: WaitListener,
  ): Promise<CreateUploadResult>;
  /** Sends one slice; re-sending the same sliceNo must be allowed. */
  uploadSlice(
    session: UploadSession,
    slice: SlicePayload,
    signal: AbortSignal,
    onWait?: WaitListener,
  ): Promise<void>;
  /** One completion call; the engine polls about once a second until completed. */
  completeUpload(
    session: UploadSession,
    signal: AbortSignal,
    onWait?: WaitListener,
  ): Promise<CompleteUploadResult>;
  /** A fresh signed CDN URL for a file (may carry its expiry in the `t` query parameter). */
  downloadUrl(fileId: number, signal: AbortSignal, onWait?: WaitListener): Promise<string>;
  /** Size and MD5 of one file (file detail), for downloads queued without them. */
  fileInfo(fileId: number, signal: AbortSignal, onWait?: WaitListener): Promise<RemoteEntry>;
  /** Every live (not trashed) child of a folder, page by page. */
  listChildren(
    parentId: number,
    signal: AbortSignal,
    onWait?: WaitListener,
  ): AsyncIterable<readonly RemoteEntry[]>;
  /** The id of the child folder `name`, created when missing. */
  ensureFolder(parentId: number, name: string, signal: AbortSignal, onWait?: WaitListener): Promise<number>;
}

/**
 * How a backend failure should be handled. `auth`: pause until auth is back. `network` and
 * `rate_limited`: retry with backoff, forever. `session_expired`: the pre-upload session is
 * gone, restart from create. `slice_rejected`: re-read the slice and retry. Others fail the item.
 */
export type DriveErrorKind =
  | 'auth'
  | 'network'
  | 'rate_limited'
  | 'session_expired'
  | 'slice_rejected'
  | 'not_found'
  | 'name_conflict'
  | 'quota'
  | 'checksum_mismatch'
  | 'fatal';

/**
 * The error a DriveBackend throws: `kind` tells the engine what to do, `facts` what to tell the
 * user (the specific reason, its params, the service's detail). Its message (English, for logs)
 * must never contain a secret or signed URL.
 */
export class DriveError extends Error {
  constructor(
    readonly kind: DriveErrorKind,
    message: string,
    readonly facts: ErrorFacts = {},
  ) {
    super(message);
    this.name = 'DriveError';
  }
}

/**
 * What the download job reads of an HTTP answer. A fetch Response fits, and so does a leaner
 * client's answer (the back end uses undici's request(), whose body is a Node stream with a
 * `cancel` added): the body must be async-iterable over byte chunks, which both are.
 */
export interface FetchResponse {
  readonly status: number;
  readonly body: { cancel(reason?: unknown): Promise<void> } | null;
}

/** The subset of fetch the download job uses (the default is global fetch). */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal; redirect: 'follow' },
) => Promise<FetchResponse>;

/** Time, injectable so tests run on a manual clock: the contract's one Clock. */
export type { Clock } from '@pandesk/contract';
export { systemClock } from '@pandesk/contract';

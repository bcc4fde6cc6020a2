/**
 * Byte accounting for tests that measure how much a client sends or fetches again: the body
 * bytes the CDN wrote per content MD5, and the request-body bytes the upload host received per
 * upload (by the MD5 of the file being uploaded, and by pre-upload session). Counts grow live,
 * as bytes pass, so a request the client abandoned (killed, cut) is counted as far as it got.
 *
 * Also the upload host's bandwidth fault: `meterUpload` reads a request body at most at
 * `uploadBytesPerSecond` (per connection, read live), so TCP back-pressure slows the sender.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

export interface TrafficHandle {
  /** Body bytes the CDN has written for content with this MD5, over every response. */
  cdnBytes(md5: string): number;
  /**
   * Requests the CDN received: with `md5`, those answered with a body of that content (full or
   * ranged); without, every request whatever the answer (redirects and refusals included).
   */
  cdnRequests(md5?: string): number;
  /** Body bytes the CDN has written over every response, whatever the content. */
  cdnBytesTotal(): number;
  /** Request-body bytes the upload host received for uploads of content with this MD5. */
  uploadBytes(md5: string): number;
  /** Request-body bytes the upload host received for the slices of one pre-upload session. */
  sessionBytes(preuploadID: string): number;
  /** Forgets every count. */
  reset(): void;
}

export interface Traffic extends TrafficHandle {
  addCdn(md5: string, bytes: number): void;
  /** A request reached the CDN; `md5` when it is answered with that content's bytes. */
  addCdnRequest(md5?: string): void;
  /**
   * The body of one upload-host request, read through a pacing and counting stream. Bytes are
   * held in the request's tally until `attribute` names what they belong to.
   */
  meterUpload(req: IncomingMessage, bytesPerSecond: () => number): MeteredUpload;
}

export interface MeteredUpload {
  /** The request body as the parser should read it. */
  readonly body: Transform;
  /**
   * Counts this request's bytes (those already read and those to come) towards a file MD5
   * and/or a session. The first call decides; later calls change nothing.
   */
  attribute(key: { md5?: string; preuploadID?: string }): void;
}

function add(map: Map<string, number>, key: string, bytes: number): void {
  map.set(key, (map.get(key) ?? 0) + bytes);
}

/** A Transform that passes bytes through at most at `bytesPerSecond` (0 = unlimited). */
function createPacedCounter(bytesPerSecond: () => number, counted: (bytes: number) => void): Transform {
  let rate = bytesPerSecond();
  let since = performance.now();
  let paced = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      counted(chunk.length);
      this.push(chunk);
      const current = bytesPerSecond();
      if (current !== rate) {
        rate = current;
        since = performance.now();
        paced = 0;
      }
      if (rate <= 0) return done();
      paced += chunk.length;
      const wait = since + (paced / rate) * 1000 - performance.now();
      if (wait <= 0) return done();
      void sleep(wait).then(() => done());
    },
  });
}

export function createTraffic(): Traffic {
  const cdn = new Map<string, number>();
  const cdnAnswers = new Map<string, number>();
  let cdnRequestCount = 0;
  let cdnByteCount = 0;
  const uploads = new Map<string, number>();
  const sessions = new Map<string, number>();
  return {
    cdnBytes: (md5) => cdn.get(md5.toLowerCase()) ?? 0,
    cdnRequests: (md5) => (md5 === undefined ? cdnRequestCount : (cdnAnswers.get(md5.toLowerCase()) ?? 0)),
    cdnBytesTotal: () => cdnByteCount,
    uploadBytes: (md5) => uploads.get(md5.toLowerCase()) ?? 0,
    sessionBytes: (preuploadID) => sessions.get(preuploadID) ?? 0,
    reset() {
      cdn.clear();
      cdnAnswers.clear();
      cdnRequestCount = 0;
      cdnByteCount = 0;
      uploads.clear();
      sessions.clear();
    },
    addCdn(md5, bytes) {
      add(cdn, md5.toLowerCase(), bytes);
      cdnByteCount += bytes;
    },
    addCdnRequest(md5) {
      if (md5 === undefined) cdnRequestCount++;
      else add(cdnAnswers, md5.toLowerCase(), 1);
    },
    meterUpload(req, bytesPerSecond) {
      let unattributed = 0;
      let key: { md5?: string; preuploadID?: string } | undefined;
      const credit = (bytes: number): void => {
        if (key?.md5 !== undefined) add(uploads, key.md5, bytes);
        if (key?.preuploadID !== undefined) add(sessions, key.preuploadID, bytes);
      };
      const body = createPacedCounter(bytesPerSecond, (bytes) => {
        if (key === undefined) unattributed += bytes;
        else credit(bytes);
      });
      req.pipe(body);
      // The client went away mid-body: end the parser's input so nothing waits on it.
      req.on('close', () => {
        if (!req.complete) body.destroy();
      });
      return {
        body,
        attribute(given) {
          if (key !== undefined) return;
          key = { md5: given.md5?.toLowerCase(), preuploadID: given.preuploadID };
          credit(unattributed);
          unattributed = 0;
        },
      };
    },
  };
}

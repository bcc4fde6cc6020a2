/**
 * The fetching half of an offline download (reference §9): GET an http(s) URL and stream its body
 * into the content store, reporting bytes as they arrive, and work out the file's name.
 *
 * Name: the caller's `fileName`, else the Content-Disposition file name, else the last segment
 * of the URL path (percent-decoded), else "download"; characters the name rules forbid become
 * "_" and the result is cut to 255 characters.
 */
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadable } from 'node:stream/web';
import contentDisposition from 'content-disposition';
import type { BlobInfo, ContentStore } from '../content/content-store';

export interface Fetched {
  blob: BlobInfo;
  /** Name suggested by the answer (Content-Disposition or URL path), already made valid. */
  suggestedName: string;
}

export interface FetchProgress {
  /** Bytes received so far. */
  received: number;
  /** Content-Length, when the answer gave one. */
  total: number | undefined;
}

const FORBIDDEN = /["\\/:*?|><]/g;
const MAX_NAME = 255;

export function safeName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const cleaned = [...raw.replace(FORBIDDEN, '_')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch))
    .slice(0, MAX_NAME)
    .join('');
  return cleaned.trim() === '' ? undefined : cleaned;
}

function nameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  try {
    return contentDisposition.parse(header).parameters['filename'];
  } catch {
    return undefined;
  }
}

function nameFromPath(url: URL): string | undefined {
  const last = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .pop();
  if (last === undefined) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Throws an Error saying what went wrong (unreachable, HTTP status, cut body, aborted). */
export async function fetchToStore(
  url: URL,
  store: ContentStore,
  signal: AbortSignal,
  onProgress: (progress: FetchProgress) => void,
): Promise<Fetched> {
  const res = await fetch(url, { signal, redirect: 'follow' });
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new Error(`HTTP ${res.status}`);
  }
  const length = res.headers.get('content-length');
  const total = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      onProgress({ received, total });
      done(null, chunk);
    },
  });
  const source = Readable.fromWeb(res.body as WebReadable<Uint8Array>, {
    signal,
  });
  source.once('error', (err) => counter.destroy(err));
  const blob = await store.putStream(source.pipe(counter));
  if (total !== undefined && blob.size !== total)
    throw new Error(`body ended after ${blob.size} of ${total} bytes`);
  const suggestedName =
    safeName(nameFromDisposition(res.headers.get('content-disposition'))) ??
    safeName(nameFromPath(url)) ??
    'download';
  return { blob, suggestedName };
}

import { md5Hex, md5OfStream } from './md5';

/**
 * Bytes read on demand straight into the request buffer, once per attempt: `read` must fill
 * all of `into` (exactly `size` bytes). The fastest way to send a slice: no web stream of small
 * chunks and no second copy (a file-backed Blob is streamed 64 KiB at a time).
 */
export interface SliceReader {
  readonly size: number;
  read(into: Uint8Array): Promise<void>;
}

/**
 * Bytes to upload, in a form that can be read more than once (hash, then send, then resend on
 * a retry): a Blob, a byte array, a reader, or a factory returning a fresh stream each time.
 */
export type SliceBody = Blob | Uint8Array | SliceReader | (() => ReadableStream<Uint8Array>);

function isReader(body: SliceBody): body is SliceReader {
  return typeof body === 'object' && !(body instanceof Blob) && !(body instanceof Uint8Array);
}

export interface MultipartFile {
  field: string;
  filename: string;
  body: SliceBody;
}

export interface BuiltBody {
  body: BodyInit;
  contentType: string;
  stream?: boolean;
}

const encoder = new TextEncoder();

/** Lowercase hex MD5 of a body, reading it as a stream where possible (never whole in memory). */
export async function md5OfBody(body: SliceBody, signal?: AbortSignal): Promise<string> {
  if (body instanceof Uint8Array) return md5Hex(body);
  if (isReader(body)) return md5Hex(await readAll(body));
  if (typeof body === 'function') return md5OfStream(body(), signal);
  return md5OfStream(body.stream() as ReadableStream<Uint8Array>, signal);
}

export function bodySize(body: SliceBody): number | undefined {
  if (body instanceof Uint8Array) return body.byteLength;
  if (isReader(body)) return body.size;
  if (typeof body === 'function') return undefined;
  return body.size;
}

function escapeQuoted(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r|\n/g, ' ');
}

async function readAll(reader: SliceReader): Promise<Uint8Array> {
  const bytes = new Uint8Array(reader.size);
  await reader.read(bytes);
  return bytes;
}

/** head + bytes + tail in one buffer, the bytes read straight into place. */
async function framed(
  head: Uint8Array,
  body: Uint8Array | SliceReader,
  tail: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const size = body instanceof Uint8Array ? body.byteLength : body.size;
  const out = new Uint8Array(head.byteLength + size + tail.byteLength);
  out.set(head, 0);
  const middle = out.subarray(head.byteLength, head.byteLength + size);
  if (body instanceof Uint8Array) middle.set(body);
  else await body.read(middle);
  out.set(tail, head.byteLength + size);
  return out;
}

/**
 * `multipart/form-data` with text fields first, then one file part (the order the docs give).
 * Byte and reader bodies become one buffer (known length, written by fetch in one go); a Blob
 * becomes a composite Blob (known length, streamed); a stream factory becomes a ReadableStream
 * (sent chunked). Built fresh on every call.
 */
export async function buildMultipart(
  fields: ReadonlyArray<[string, string]>,
  file: MultipartFile,
  boundary: string,
): Promise<BuiltBody> {
  let head = '';
  for (const [name, value] of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"\r\n\r\n${value}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(file.field)}"; filename="${escapeQuoted(file.filename)}"\r\n`;
  head += 'Content-Type: application/octet-stream\r\n\r\n';
  const tail = `\r\n--${boundary}--\r\n`;
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const { body } = file;
  if (body instanceof Blob) return { body: new Blob([head, body, tail]), contentType };
  if (typeof body !== 'function') {
    return { body: await framed(encoder.encode(head), body, encoder.encode(tail)), contentType };
  }
  return { body: concatStreams(encoder.encode(head), body, encoder.encode(tail)), contentType, stream: true };
}

function concatStreams(
  head: Uint8Array,
  make: () => ReadableStream<Uint8Array>,
  tail: Uint8Array,
): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let stage: 'head' | 'body' | 'done' = 'head';
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        controller.enqueue(head);
        reader = make().getReader();
        stage = 'body';
        return;
      }
      if (stage === 'body' && reader) {
        const { done, value } = await reader.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
        stage = 'done';
        controller.enqueue(tail);
        controller.close();
      }
    },
    async cancel(reason) {
      await reader?.cancel(reason);
    },
  });
}

export function newBoundary(): string {
  const rand = globalThis.crypto?.randomUUID?.().replace(/-/g, '') ?? Math.random().toString(16).slice(2);
  return `----PanDeskBoundary${rand}`;
}

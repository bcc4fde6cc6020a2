/**
 * Bytes read on demand, piece by piece, while the request goes out: `read` fills `into` with
 * the bytes at [offset, offset + into.byteLength) of the body. The request has a known length
 * (Content-Length) and holds one piece at a time, never the whole slice, and no web stream of
 * 64 KiB pieces (what a file-backed Blob becomes) is involved.
 */
export interface SliceReader {
  readonly size: number;
  read(into: Uint8Array, offset: number): Promise<void>;
  /**
   * Told how many of the reader's bytes the HTTP client has taken so far, each time it asks for
   * more and once all are taken: progress of the upload as the body streams, not per request.
   */
  sent?(bytes: number): void;
}

/** Piece size when streaming a reader body. */
const READER_PIECE = 1024 * 1024;

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
  /** Byte length of a stream body, sent as Content-Length (else the stream goes chunked). */
  length?: number;
}

const encoder = new TextEncoder();

function escapeQuoted(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r|\n/g, ' ');
}

/** head, then the reader's bytes piece by piece, then tail. */
function readerStream(head: Uint8Array, reader: SliceReader, tail: Uint8Array): ReadableStream<Uint8Array> {
  let offset = -1; // -1: head not sent yet
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // The stream asks for more once the client has taken what was queued: those bytes are sent.
      if (offset < 0) {
        controller.enqueue(head);
        offset = 0;
      } else if (offset < reader.size) {
        reader.sent?.(offset);
        const piece = new Uint8Array(Math.min(READER_PIECE, reader.size - offset));
        await reader.read(piece, offset);
        offset += piece.byteLength;
        controller.enqueue(piece);
      } else {
        reader.sent?.(reader.size);
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
}

/**
 * `multipart/form-data` with text fields first, then one file part (the order the docs give).
 * Byte bodies become one buffer; a Blob becomes a composite Blob (known length, streamed); a
 * reader becomes a stream of known length; a stream factory becomes a ReadableStream (sent
 * chunked). Built fresh on every call.
 */
export function buildMultipart(
  fields: ReadonlyArray<[string, string]>,
  file: MultipartFile,
  boundary: string,
): BuiltBody {
  let head = '';
  for (const [name, value] of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"\r\n\r\n${value}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(file.field)}"; filename="${escapeQuoted(file.filename)}"\r\n`;
  head += 'Content-Type: application/octet-stream\r\n\r\n';
  const tail = `\r\n--${boundary}--\r\n`;
  const contentType = `multipart/form-data; boundary=${boundary}`;
  const { body } = file;
  const headBytes = encoder.encode(head);
  const tailBytes = encoder.encode(tail);
  if (body instanceof Blob) return { body: new Blob([head, body, tail]), contentType };
  if (body instanceof Uint8Array) {
    const out = new Uint8Array(headBytes.byteLength + body.byteLength + tailBytes.byteLength);
    out.set(headBytes, 0);
    out.set(body, headBytes.byteLength);
    out.set(tailBytes, headBytes.byteLength + body.byteLength);
    return { body: out, contentType };
  }
  if (isReader(body)) {
    const length = headBytes.byteLength + body.size + tailBytes.byteLength;
    return { body: readerStream(headBytes, body, tailBytes), contentType, stream: true, length };
  }
  return { body: concatStreams(headBytes, body, tailBytes), contentType, stream: true };
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
